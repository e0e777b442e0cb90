import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { personSearch } from '../domain/person-index/person-search';
import { FindPersonQuery } from './find-person.request.dto';
import { FoundPeopleSchema } from './found-person.schemas';
import { FOUND_LIMIT, PersonIndex, type FoundPerson } from './person-index';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('people')
export class FindPersonController {
  constructor(private readonly index: PersonIndex) {}

  @Get()
  @ApiOperation({
    summary: 'Find a person on record by name and birth date, or by phone',
    description:
      'For the counter: name (spaces and the kind of middle dot aside) with birthDate, or phone ' +
      'alone; by ID number ask the coverage enquiry. Read from the projection ' +
      'enrollment_person_index, a moment behind the log.',
  })
  @ApiOkResponse({ type: FoundPeopleSchema })
  async find(@Query() query: FindPersonQuery): Promise<{ people: FoundPerson[]; more: boolean }> {
    const found = await this.index.find(personSearch(query));
    return { people: found.slice(0, FOUND_LIMIT), more: found.length > FOUND_LIMIT };
  }
}
