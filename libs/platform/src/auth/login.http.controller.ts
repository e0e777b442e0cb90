import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { LogIn } from './log-in.use-case';
import { LoginRequest } from './login.request.dto';
import { Public } from './public.decorator';
import { AccessTokenSchema } from './accounts.schemas';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(private readonly logIn: LogIn) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'A bearer token for the other endpoints', type: AccessTokenSchema })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password' })
  @ApiTooManyRequestsResponse({
    description:
      'Too many failed logins for this username: wait the seconds in Retry-After (the wait ' +
      'doubles with each further failure; a correct password is refused too meanwhile)',
  })
  @ApiServiceUnavailableResponse({ description: 'Login limits cannot be checked (Redis away)' })
  login(@Body() body: LoginRequest): Promise<{ accessToken: string }> {
    return this.logIn.execute(body.username, body.password);
  }
}
