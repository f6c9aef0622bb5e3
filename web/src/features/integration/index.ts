export { ClientsPage, ClientDetailPage } from './ClientsPage';
export { WebhooksPage, DeliveriesPage } from './WebhooksPage';
export { ImportsPage, ImportDetailPage } from './ImportsPage';
export { ExportsPage } from './exports';
