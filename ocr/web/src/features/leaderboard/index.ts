/** The administrators' leaderboard: the most active users by tasks or pages over a period. */
export { default as AdminLeaderboardPage } from './components/AdminLeaderboardPage';
