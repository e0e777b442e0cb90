import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { RevokedTokensSchema, UserSchema } from './accounts.schemas';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { securityOf } from '../config/security-config';
import { CreateUserRequest } from './create-user.request.dto';
import { hashPassword } from './password';
import { STATION_ROLES } from './principal';
import { Roles } from './roles.decorator';
import { TokenGenerations } from './token-generations';
import { UserRepository } from './user.repository';

interface UserView {
  username: string;
  role: string;
  stationId: string | null;
}

interface RevokedView {
  username: string;
  tokenGeneration: number;
  /** Every app refuses the older tokens by then; this one already does. */
  refusedEverywhereWithinSeconds: number;
}

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('users')
export class AccountsController {
  constructor(
    private readonly users: UserRepository,
    private readonly generations: TokenGenerations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles('supervisor')
  @ApiOkResponse({ type: [UserSchema] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map(({ username, role, stationId }) => ({
      username,
      role,
      stationId,
    }));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: UserSchema })
  @ApiConflictResponse({ description: 'The username is taken' })
  async create(@Body() body: CreateUserRequest): Promise<UserView> {
    const stationId = body.stationId ?? null;
    if (STATION_ROLES.includes(body.role) !== (stationId !== null))
      throw new UnprocessableEntityException({
        error: 'validation_failed',
        message: 'stationId is required for clerks and kiosks and only for them',
        fields: [{ field: 'stationId', problem: 'is required for clerks and kiosks only' }],
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

  /** For a lost device or a leaver: every token the user holds stops working; a new login works. */
  @Post(':username/revoke-tokens')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RevokedTokensSchema })
  @ApiNotFoundResponse({ description: 'No such user' })
  async revokeTokens(@Param('username') username: string): Promise<RevokedView> {
    const tokenGeneration = await this.users.revokeTokens(username);
    if (tokenGeneration === undefined) throw new NotFoundException(`no user ${username}`);
    this.generations.learn(username, tokenGeneration);
    return {
      username,
      tokenGeneration,
      refusedEverywhereWithinSeconds: securityOf(this.config).tokenRevocationSeconds,
    };
  }
}
