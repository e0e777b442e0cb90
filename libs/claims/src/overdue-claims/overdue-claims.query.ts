import { Query } from '@nestjs/cqrs';
import type { ListedClaim } from '../read-side/listed-claim';

export class OverdueClaimsQuery extends Query<ListedClaim[]> {}
