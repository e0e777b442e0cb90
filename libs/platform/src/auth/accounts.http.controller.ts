import {
  Body,
  ConflictException,
  Controller,
  Get,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CreateUserRequest } from './create-user.request.dto';
import { hashPassword } from './password';
import { Roles } from './roles.decorator';
import { UserRepository } from './user.repository';

interface UserView {
  username: string;
  role: string;
  stationId: string | null;
}

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
export class AccountsController {
  constructor(private readonly users: UserRepository) {}

  @Get()
  @Roles('supervisor')
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(({ username, role, stationId }) => ({
      username,
      role,
      stationId,
    }));
  }

  @Post()
  @Roles('admin')
  async create(@Body() body: CreateUserRequest): Promise<UserView> {
    const stationId = body.stationId ?? null;
    if ((body.role === 'clerk') !== (stationId !== null))
      throw new UnprocessableEntityException({
        error: 'validation_failed',
        message: 'stationId is required for clerks and only for clerks',
        fields: [{ field: 'stationId', problem: 'is required for clerks and only for clerks' }],
      });
    const created = await this.users.insert({
      username: body.username,
      passwordHash: await hashPassword(body.password),
      role: body.role,
      stationId,
    });
    if (!created) throw new ConflictException(`user ${body.username} already exists`);
    return { username: body.username, role: body.role, stationId };
  }
}
