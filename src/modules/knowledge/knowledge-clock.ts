import { Injectable } from '@nestjs/common';

/** The time freshness is judged at; tests replace it to move through validity windows. */
@Injectable()
export class KnowledgeClock {
  now(): Date {
    return new Date();
  }
}
