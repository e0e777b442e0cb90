import { createSecretKey } from 'node:crypto';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { LogIn } from './log-in.use-case';
import { LoginAttempts } from './login-attempts';
import { LoginController } from './login.http.controller';
import { TokenGenerations } from './token-generations';
import { UserRepository } from './user.repository';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A key object, not the string: given a string, jsonwebtoken first tries it as a public
        // key and fails, on every request, which cost a millisecond of CPU per call.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.jwtTtlSeconds, issuer: 'service-circle' },
        // Pinned, so no token chooses its own algorithm ('none' included).
        verifyOptions: { issuer: 'service-circle', algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [
    UserRepository,
    TokenGenerations,
    LoginAttempts,
    LogIn,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UserRepository, TokenGenerations],
})
export class AuthModule {
  /** The notifier keeps the guard (deny by default) but offers no login of its own. */
  static with(options: { login: boolean }): DynamicModule {
    return { module: AuthModule, controllers: options.login ? [LoginController] : [] };
  }
}
