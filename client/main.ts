// The entry point: registers the components. index.html loads the theme and renders <cp-app>.
import './components/cp-app.ts';
