/** HTTP for downloading a measurement's analysis as CSV, XLSX, GraphML or GEXF. */
import { exportAnalysis } from './export.service.js';
import { sendDownload } from '../kernel/download.js';
import { userPlugin, type DbOptions } from '../kernel/route.js';
import { exportApi } from '../../contract/export.api.js';

export const exportRoutes = userPlugin(['analysis'], ({ route }, { db }: DbOptions) => {
  route(exportApi.exportAnalysis, async (user, { params, query }, reply) => {
    const file = await exportAnalysis(db, user, params.id, params.format, query);
    return sendDownload(reply, file);
  });
});
