/** HTTP for leadership interventions: the template, planning, meetings, agreements and the follow-up. */
import { INTERVENTION_TEMPLATE } from '../../contract/interventions.js';
import * as service from './intervention.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { interventionsApi } from '../../contract/interventions.api.js';

export const interventionRoutes = userPlugin(['interventions'], ({ route }, { db }: DbOptions) => {
  route(interventionsApi.getInterventionsTemplate, () => INTERVENTION_TEMPLATE);

  route(interventionsApi.listCoLeaderCandidates, (user) =>
    service.listCoLeaderCandidates(db, user),
  );

  route(interventionsApi.listVisibleInterventions, (user) =>
    service.listVisibleInterventions(db, user),
  );

  route(interventionsApi.createIntervention, (user, { body }) =>
    service.createIntervention(db, user, body),
  );

  route(interventionsApi.getIntervention, (user, { params }) =>
    service.getIntervention(db, user, params.id),
  );

  route(interventionsApi.updateIntervention, (user, { params, body }) =>
    service.updateIntervention(db, user, params.id, body),
  );

  route(interventionsApi.updateMeeting, (user, { params, body }) =>
    service.updateMeeting(db, user, params.id, params.number as 1 | 2, body),
  );

  route(interventionsApi.addAgreement, (user, { params, body }) =>
    service.addAgreement(db, user, params.id, body),
  );

  route(interventionsApi.scheduleFollowUp, (user, { params, body }) =>
    service.scheduleFollowUp(db, user, params.id, body.followUpOn),
  );
});
