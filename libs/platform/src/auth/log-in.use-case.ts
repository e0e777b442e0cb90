import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { verifyPassword } from './password';
import { UserRepository } from './user.repository';

// Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
const DECOY_HASH = '$2b$10$6qZFrs2sa4/NU0JNvgaEw.GckleMEIQ0UZjEfpS39PSjamA05vHKG';

@Injectable()
export class LogIn {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async execute(username: string, password: string): Promise<{ accessToken: string }> {
    const user = await this.users.find(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !matches) throw new UnauthorizedException('wrong username or password');
    const accessToken = await this.jwt.signAsync({
      sub: user.username,
      role: user.role,
      ...(user.stationId ? { stationId: user.stationId } : {}),
    });
    return { accessToken };
  }
}
