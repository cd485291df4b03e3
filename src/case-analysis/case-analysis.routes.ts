/** HTTP for case-level relational capacity: a course's case measurements and the analysis across courses. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseAnalysisSchema,
  caseArmBody,
  caseLevelSchema,
  caseMeasurementParams,
  startCaseBody,
} from '../../contract/case-analysis.schema.js';
import { courseParams } from '../../contract/en-plan.schema.js';
import { requireUser } from '../kernel/request-context.js';
import * as service from './case-analysis.service.js';

const tags = ['case analysis'];

export const caseAnalysisRoutes: FastifyPluginAsync<{ deps: service.CaseDeps }> = async (
  plugin,
  { deps },
) => {
  const app = plugin.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/courses/:id/case-analysis',
    {
      schema: {
        tags,
        summary:
          "The course's case measurements: status, anonymity-guarded response count and, when closed, the group result",
        params: courseParams,
        response: { 200: caseAnalysisSchema },
      },
    },
    async (request) => service.getCaseAnalysis(deps, requireUser(request), request.params.id),
  );

  app.post(
    '/api/courses/:id/case-analysis',
    {
      schema: {
        tags,
        summary:
          "Start a case measurement among the course's network (coordinator or a leader of a unit in the network)",
        params: courseParams,
        body: startCaseBody,
        response: { 201: caseAnalysisSchema },
      },
    },
    async (request, reply) => {
      const result = await service.startCaseMeasurement(
        deps,
        requireUser(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/courses/:id/case-analysis/:measurementId/close',
    {
      schema: {
        tags,
        summary: "Close the course's case measurement",
        params: caseMeasurementParams,
        response: { 200: caseAnalysisSchema },
      },
    },
    async (request) =>
      service.closeCaseMeasurement(
        deps,
        requireUser(request),
        request.params.id,
        request.params.measurementId,
      ),
  );

  app.put(
    '/api/courses/:id/case-analysis/arm',
    {
      schema: {
        tags,
        summary: 'Tag the course intervention or control (null: neither)',
        params: courseParams,
        body: caseArmBody,
        response: { 200: caseAnalysisSchema },
      },
    },
    async (request) =>
      service.setArm(deps, requireUser(request), request.params.id, request.body.arm),
  );

  app.get(
    '/api/case-analysis',
    {
      schema: {
        tags,
        summary:
          'Case RK against the citizen score and the number of units across courses, and intervention against control (analysis owners)',
        response: { 200: caseLevelSchema },
      },
    },
    async (request) => service.caseLevelAnalysis(deps, requireUser(request)),
  );
};
