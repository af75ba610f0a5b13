import {
  CurrentPrincipal,
  OperatorAuth,
  Public,
  UserAuth,
} from '../../src/common/auth/auth.decorator.js';
import type { Principal } from '../../src/common/auth/principal.js';
import { Body, Controller, Get, Logger, Module, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';

import { DomainError } from '../../src/common/errors/domain.error.js';

class ProbeLimitsDto {
  @IsInt()
  @Min(10)
  @Max(600)
  seconds!: number;
}

class ProbeBodyDto {
  @IsString()
  name!: string;

  @ValidateNested()
  @Type(() => ProbeLimitsDto)
  limits!: ProbeLimitsDto;
}

/**
 * Routes that exist only in tests, to drive the global pipe, filter and logger through real HTTP
 * before the product has routes of its own for every case.
 */
@Public()
@Controller('probe')
class ProbeController {
  private readonly logger = new Logger('Probe');

  @Post('echo')
  echo(@Body() body: ProbeBodyDto): ProbeBodyDto {
    this.logger.log('echo handled');
    return body;
  }

  @Get('domain-error')
  domainError(): never {
    throw new DomainError({
      code: 'PROBE_CONFLICT',
      status: 409,
      title: 'Probe conflict',
      detail: 'It conflicts.',
    });
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret internal detail');
  }
}

/** Routes guarded in each way the product uses, to test the access guard itself. */
@Controller('probe/auth')
class ProbeAuthController {
  @Get('user')
  @UserAuth()
  user(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('agent')
  @UserAuth('agent')
  agent(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('approver')
  @OperatorAuth('approver')
  approver(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('unruled')
  unruled(): string {
    return 'should never be served';
  }
}

@Module({ controllers: [ProbeController, ProbeAuthController] })
export class ProbeModule {}
