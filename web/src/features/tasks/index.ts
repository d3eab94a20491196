export { TasksPage } from './pages/tasks-page';
