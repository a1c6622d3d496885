/**
 * The task history feature: the list page, the live event stream and the task's own parts (status,
 * progress, actions) that other features show too. Other features import from here only.
 */
export { TaskEventsProvider, useLiveTasks } from './api/liveEvents';
export { downloadPath, taskKeys, taskQueries } from './api/queries';
export { RESULT_FORMATS, TASK_STATUSES, type ResultFormat, type Task, type TaskStatus } from './api/types';
export { availableDownloads, TaskActions } from './components/TaskActions';
export { TasksPage } from './components/TasksPage';
export { TaskProgress } from './components/TaskProgress';
