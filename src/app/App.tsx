import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Home } from '../features/dashboard/Home';
import { Shell } from './Shell';

const LifeEvents = lazy(() => import('../features/events/LifeEvents'));
const CaseDetail = lazy(() => import('../features/events/CaseDetail'));
const StepDetail = lazy(() => import('../features/events/StepDetail'));
const FeedbackForm = lazy(() => import('../features/feedback/FeedbackForm'));
const Ratings = lazy(() => import('../features/feedback/Ratings'));
const Offers = lazy(() => import('../features/offers/Offers'));
const OfferDetail = lazy(() => import('../features/offers/OfferDetail'));
const Inbox = lazy(() => import('../features/inbox/Inbox'));
const More = lazy(() => import('../features/more/More'));
const Services = lazy(() => import('../features/services/Services'));
const EventServiceDetail = lazy(() => import('../features/services/EventServiceDetail'));
const SubServiceDetail = lazy(() => import('../features/services/SubServiceDetail'));
const Settings = lazy(() => import('../features/settings/Settings'));
const Help = lazy(() => import('../features/help/Help'));
const AccessibilityStatement = lazy(() => import('../features/more/AccessibilityStatement'));
const NotFound = lazy(() => import('./NotFound'));

export function App() {
  return (
    <Router root={Shell}>
      <Route path="/" component={Home} />
      <Route path="/events" component={LifeEvents} />
      <Route path="/events/:caseId" component={CaseDetail} />
      <Route path="/events/:caseId/steps/:stepId" component={StepDetail} />
      <Route path="/feedback/:requestId" component={FeedbackForm} />
      <Route path="/ratings" component={Ratings} />
      <Route path="/offers" component={Offers} />
      <Route path="/offers/:offerId" component={OfferDetail} />
      <Route path="/inbox" component={Inbox} />
      <Route path="/more" component={More} />
      <Route path="/services" component={Services} />
      <Route path="/services/:eventServiceId" component={EventServiceDetail} />
      <Route path="/services/:eventServiceId/:subServiceId" component={SubServiceDetail} />
      <Route path="/settings" component={Settings} />
      <Route path="/help" component={Help} />
      <Route path="/accessibility" component={AccessibilityStatement} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
