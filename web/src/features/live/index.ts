export { LiveNowStrip } from './components/live-now-strip';
export { HostRoomPage } from './pages/host-room-page';
export { HostRoomsPage } from './pages/host-rooms-page';
export { LiveRoomPage } from './pages/live-room-page';
export { LiveRoomsPage } from './pages/live-rooms-page';
