import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { LogIn } from './log-in.use-case';
import { LoginController } from './login.http.controller';
import { UserRepository } from './user.repository';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtTtlSeconds, issuer: 'service-circle' },
        verifyOptions: { issuer: 'service-circle' },
      }),
    }),
  ],
  providers: [UserRepository, LogIn, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [UserRepository],
})
export class AuthModule {
  /** The notifier keeps the guard (deny by default) but offers no login of its own. */
  static with(options: { login: boolean }): DynamicModule {
    return { module: AuthModule, controllers: options.login ? [LoginController] : [] };
  }
}
