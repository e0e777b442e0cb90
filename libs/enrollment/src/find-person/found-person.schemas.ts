import { ApiProperty } from '@nestjs/swagger';

/** Response shapes, for /docs only: the controller answers plain objects of the same shape. */
export class FoundPersonSchema {
  @ApiProperty({ example: '370811198504021234', pattern: '^\\d{17}[\\dX]$' }) residentId!: string;
  @ApiProperty({ example: '王小明' }) name!: string;
  @ApiProperty({ example: '1985-04-02', format: 'date' }) birthDate!: string;
  @ApiProperty({ enum: ['male', 'female'] }) sex!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    example: '138****8000',
    description: 'masked: the first three and last four digits',
  })
  phone!: string | null;
}

export class FoundPeopleSchema {
  @ApiProperty({ type: [FoundPersonSchema], maxItems: 20, description: 'by name, then ID' })
  people!: FoundPersonSchema[];
  @ApiProperty({ description: 'more matched than are listed: narrow the search' })
  more!: boolean;
}
