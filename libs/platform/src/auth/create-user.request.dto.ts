import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, Role } from './principal';

export class CreateUserRequest {
  @ApiProperty({ example: 'clerk-town-1-b' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'must be 3–64 lower-case letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @Length(10, 128)
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ description: 'Required for clerks, refused for the other roles' })
  @ValidateIf((o: CreateUserRequest) => o.role === 'clerk' || o.stationId !== undefined)
  @IsString()
  @Length(1, 64)
  @IsOptional()
  stationId?: string;
}
