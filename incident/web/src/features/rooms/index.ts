export { roomKeys, roomQueries } from './api/queries';
export { RoomListPage } from './components/RoomListPage';
