// The operator's task pages, loaded only inside the admin console.
export { AdminTaskEditPage, AdminTaskNewPage } from './pages/admin-task-edit-page';
export { AdminTasksPage } from './pages/admin-tasks-page';
