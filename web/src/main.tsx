import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>联建共治</div>);
