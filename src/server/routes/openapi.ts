import { Hono } from 'hono';
import { z } from 'zod';
import {
  AgencyEvent,
  AgencyEventResponse,
  AgencyQuestionsPage,
  ApiErrorBody,
  DataUseAnsweredEvent,
  DataUsedEvent,
  DataUsedResult,
  ServiceStatusChangedEvent,
  ServiceStatusChangedResult,
} from '../../contract/agency-events';
import { CaseRow, StepRow } from '../../contract/cases';
import { Catalogue } from '../../contract/catalogue';

/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas that validate the requests and
 * shape the answers. To document another route, add its schemas to `schemas` (they become
 * components) and an entry to `paths` that refers to them with `ref(...)`.
 */

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['pglite', 'postgres']) });

const schemas = {
  ApiError: ApiErrorBody,
  Health,
  Catalogue,
  AgencyEvent,
  ServiceStatusChangedEvent,
  AgencyEventResponse,
  ServiceStatusChangedResult,
  DataUsedEvent,
  DataUsedResult,
  DataUseAnsweredEvent,
  AgencyQuestionsPage,
  CaseRow,
  StepRow,
} satisfies Record<string, z.ZodType>;

type SchemaName = keyof typeof schemas;
const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: json('ApiError') });

const paths = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      summary: 'Whether the API and its database answer',
      tags: ['public'],
      responses: {
        '200': { description: 'Up', content: json('Health') },
        '503': { description: 'The database does not answer', content: json('Health') },
      },
    },
  },
  '/api/catalogue': {
    get: {
      operationId: 'getCatalogue',
      summary: 'The life-event services, their sub-services and agencies, every text in et, en, ru and uk',
      tags: ['public'],
      parameters: [{ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } }],
      responses: {
        '200': { description: 'The catalogue, with an ETag', content: json('Catalogue') },
        '304': { description: 'Not modified since the ETag given' },
      },
    },
  },
  '/api/agency/events': {
    post: {
      operationId: 'postAgencyEvent',
      summary: "An event from an agency's system",
      description: [
        'Authenticated by the agency API key (`Authorization: Bearer mr_<agency>_…`); a key may post only the',
        'event types it was made for, and only about sub-services of its own agency.',
        '',
        'Idempotent by the event `id` (per agency): a repeat of the same event answers the first answer',
        'again with `replayed: true` and writes nothing; the same id with a different body is a 409.',
        'A refused event writes nothing and is not remembered, so it may be sent again once corrected.',
        '',
        '`service.status_changed` sets the full new state of one step of a person: fields left out are',
        'empty in the new state. Final statuses (`completed`, `declined`, `not_applicable`) never change.',
        '',
        '`data.used` (schema `DataUsedEvent`, result `DataUsedResult`) tells which data of a person, or of a',
        'cohort by birth date, the agency used from which register, why (a purpose code of its own from the',
        'catalogue) and under which law; a person who does not use the service is skipped and counted. A',
        'cohort is written in slices of bounded transactions. `data_use.answered` (`DataUseAnsweredEvent`)',
        'answers a question from `GET /api/agency/questions`; another agency’s question is a 404, one',
        'answered before a 409.',
      ].join('\n'),
      tags: ['agency'],
      security: [{ agencyKey: [] }],
      requestBody: { required: true, content: json('AgencyEvent') },
      responses: {
        '200': { description: 'Applied (or applied before: `replayed: true`)', content: json('AgencyEventResponse') },
        '400': error('Not JSON, not a valid event, or an unknown event type (`invalid_json`, `invalid_event`, …)'),
        '401': error('No API key, or an unknown or revoked one'),
        '403': error('The key may not post this event type, or the sub-service is another agency’s'),
        '404': error('No such person (`unknown_person`), or the person has no case with the sub-service'),
        '409': error('An impossible transition, a change older than the step’s last, or an event id reused'),
        '413': error('The body is too large'),
        '422': error(
          'An unknown sub-service, `waitingOn` outside the case, `occurredAt` in the future, or (data.used) an ' +
            'unknown register or category, or a purpose not the agency’s own',
        ),
      },
    },
  },
  '/api/agency/questions': {
    get: {
      operationId: 'getAgencyQuestions',
      summary: 'The questions people asked the agency about its uses of their data, oldest first',
      description: [
        'Needs a key for `data_use.answered`. Unanswered questions only, unless `status=all`. At most `limit`',
        '(default and most 500) a page; `next` is the `after` of the next page, null at the end. A question',
        'is due 30 days after it was asked (`dueBy`); past it, the person is told how to complain.',
      ].join('\n'),
      tags: ['agency'],
      security: [{ agencyKey: [] }],
      parameters: [
        { name: 'status', in: 'query', required: false, schema: { type: 'string', enum: ['open', 'all'] } },
        { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500 } },
        { name: 'after', in: 'query', required: false, schema: { type: 'string' } },
      ],
      responses: {
        '200': { description: 'A page of questions', content: json('AgencyQuestionsPage') },
        '400': error('A bad `limit` (`bad_limit`) or `after` (`bad_cursor`)'),
        '401': error('No API key, or an unknown or revoked one'),
        '403': error('The key is not for `data_use.answered`'),
      },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      summary: 'This document',
      tags: ['public'],
      responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
    },
  },
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [name, schema] of Object.entries(schemas)) registry.add(schema, { id: name });
  const generated = z.toJSONSchema(registry, {
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([name, { $id: _, $schema: __, ...schema }]) => [name, schema]),
  );
}

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Minu riik API',
      version: '0.1.0',
      description:
        'The thin API of Minu riik, the Estonian citizen’s state app. Errors are `{"error": {"code", "message"}}`.',
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'public', description: 'Open to everyone' },
      { name: 'agency', description: 'For agencies’ systems, with an agency API key' },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        agencyKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An agency API key, made with `npm run agency -- create-key <agencyId>`',
        },
      },
    },
  };
}

/** GET /api/openapi.json */
export function openApiRoutes() {
  let body: string | undefined;
  return new Hono().get('/', (c) => {
    body ??= JSON.stringify(openApiDocument());
    c.header('Cache-Control', 'no-cache');
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
