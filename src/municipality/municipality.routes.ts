/** HTTP for the municipality's own settings. */
import { getSettings, updateBenchmarkConsent } from './municipality-settings.service.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { municipalityApi } from '../../contract/municipality.api.js';

export const municipalityRoutes = userPlugin(['municipality'], ({ route }, { db }: DbOptions) => {
  route(municipalityApi.getSettings, (user) => getSettings(db, user));
  route(municipalityApi.updateBenchmarkConsent, (user, { body }) =>
    updateBenchmarkConsent(db, user, body.consent),
  );
});
