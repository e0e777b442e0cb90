import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsByteLength,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { PASSWORD_MAX_BYTES } from './password';
import { ROLES, Role, STATION_ROLES } from './principal';

export class CreateUserRequest {
  @ApiProperty({ example: 'clerk-town-1-b' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/, {
    message: 'must be 3–64 lower-case letters, digits, dots, dashes or underscores',
  })
  username!: string;

  @ApiProperty({
    minLength: 10,
    description: `At most ${PASSWORD_MAX_BYTES} bytes in UTF-8: the password hash keeps no more`,
  })
  @IsString()
  @Length(10, 128)
  @IsByteLength(0, PASSWORD_MAX_BYTES, {
    message: `must be at most ${PASSWORD_MAX_BYTES} bytes in UTF-8 (the password hash keeps no more)`,
  })
  password!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    description: 'Required for clerks and kiosks, refused for the other roles',
  })
  @ValidateIf((o: CreateUserRequest) => STATION_ROLES.includes(o.role) || o.stationId !== undefined)
  @IsString()
  @Length(1, 64)
  @IsOptional()
  stationId?: string;
}
