import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'circle:public';

/** Opens a route to callers without a token; everything else is closed by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
