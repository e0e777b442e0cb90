import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'clerk-town-1' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'circle-demo' })
  @IsString()
  @Length(1, 128)
  password!: string;
}
