export { RoomPage } from './components/RoomPage';
