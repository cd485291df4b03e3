/** Which roles may start a citizen's course (the server decides; this only hides the button). */
import type { UserRole } from '../api/types.js';

/** Caseworkers and leaders start courses; admins and analysts do not read citizens' plans. */
export const COURSE_CREATORS: readonly UserRole[] = ['sagsbehandler', 'leder'];
