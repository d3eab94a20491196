export { AcademyPage } from './pages/academy-page';
export { LessonPage } from './pages/lesson-page';
export { QuestionPage } from './pages/question-page';
export { QuestionsPage } from './pages/questions-page';
