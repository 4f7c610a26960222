/** The development module's public surface: development cooperation projects and their IATI export. */
export { registerDevelopmentRoutes } from './development.routes.ts';
export { createProject, listProjects, buildDetail as getProject } from './development.service.ts';
export { performProjectAction } from './development.actions.ts';
export { iatiDocument, iatiIdentifier } from './development.iati.ts';
export { loadDemoDevelopment } from './development.demo.ts';
