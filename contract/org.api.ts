/**
 * HTTP operations (method, path, summary, request and success schemas) that
 * `src/org/org.routes.ts` binds handlers to; OpenAPI is made from them.
 */
import { operations } from './operation.js';
import {
  area,
  createAreaBody,
  createPersonBody,
  createUnitBody,
  importReport,
  organisation,
  orgIdParams,
  orgImportQuery,
  orgQuery,
  person,
  unit,
  updateAreaBody,
  updatePersonBody,
  updateUnitBody,
} from './org.schema.js';

export const orgApi = operations({
  getOrganisation: {
    method: 'GET',
    path: '/api/org',
    summary: "The municipality's areas, units and people",
    querystring: orgQuery,
    response: { 200: organisation },
  },
  createArea: {
    method: 'POST',
    path: '/api/org/areas',
    summary: 'Create an area',
    body: createAreaBody,
    response: { 201: area },
  },
  updateArea: {
    method: 'PATCH',
    path: '/api/org/areas/:id',
    summary: 'Rename, archive or restore an area',
    params: orgIdParams,
    body: updateAreaBody,
    response: { 200: area },
  },
  createUnit: {
    method: 'POST',
    path: '/api/org/units',
    summary: 'Create a unit',
    body: createUnitBody,
    response: { 201: unit },
  },
  updateUnit: {
    method: 'PATCH',
    path: '/api/org/units/:id',
    summary: 'Edit, archive or restore a unit',
    params: orgIdParams,
    body: updateUnitBody,
    response: { 200: unit },
  },
  createPerson: {
    method: 'POST',
    path: '/api/org/people',
    summary: 'Add a person',
    body: createPersonBody,
    response: { 201: person },
  },
  updatePerson: {
    method: 'PATCH',
    path: '/api/org/people/:id',
    summary: 'Edit, archive or restore a person',
    params: orgIdParams,
    body: updatePersonBody,
    response: { 200: person },
  },
  importOrganisation: {
    method: 'POST',
    path: '/api/org/import',
    summary:
      'Check (commit=false) or import (commit=true) an organisation file (CSV or XLSX, multipart field "file"). All or nothing.',
    querystring: orgImportQuery,
    response: { 200: importReport },
  },
});
