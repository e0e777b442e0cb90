import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginAttempts } from './login-attempts';
import { verifyPassword } from './password';
import { UserRecord, UserRepository } from './user.repository';

// Compared against when the user does not exist, so a wrong name costs as long as a wrong password.
const DECOY_HASH = '$2b$10$6qZFrs2sa4/NU0JNvgaEw.GckleMEIQ0UZjEfpS39PSjamA05vHKG';

@Injectable()
export class LogIn {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
    private readonly attempts: LoginAttempts,
  ) {}

  /** Unknown names are counted and slowed like known ones, so a 429 reveals no account. */
  async execute(username: string, password: string): Promise<{ accessToken: string }> {
    await this.attempts.begin(username);
    const user = await this.users.find(username);
    const matches = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    if (!user || !matches) throw new UnauthorizedException('wrong username or password');
    await this.attempts.succeeded(username);
    return { accessToken: await this.tokenFor(user) };
  }

  private tokenFor(user: UserRecord): Promise<string> {
    return this.jwt.signAsync({
      sub: user.username,
      role: user.role,
      ...(user.stationId ? { stationId: user.stationId } : {}),
      gen: user.tokenGeneration,
    });
  }
}
