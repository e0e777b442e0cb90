import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from './principal';

// OpenAPI shapes of the accounts answers; the controller returns plain objects of this shape.

export class UserSchema {
  @ApiProperty({ example: 'clerk-town-1' }) username!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, nullable: true, example: 'town-1' }) stationId!: string | null;
}

export class RevokedTokensSchema {
  @ApiProperty({ example: 'clerk-town-1' }) username!: string;
  @ApiProperty({ type: 'integer', example: 3 }) tokenGeneration!: number;
  @ApiProperty({
    type: 'integer',
    example: 5,
    description: 'every app refuses older tokens by then',
  })
  refusedEverywhereWithinSeconds!: number;
}

export class AccessTokenSchema {
  @ApiProperty({ description: 'an HS256 JWT, sent as `Authorization: Bearer …`' })
  accessToken!: string;
}
