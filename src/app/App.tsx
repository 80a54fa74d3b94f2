import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { Home } from '../features/dashboard/Home';
import { withAllStrings } from '../i18n';
import { Shell } from './Shell';

const LifeEvents = lazy(withAllStrings(() => import('../features/events/LifeEvents')));
const CaseDetail = lazy(withAllStrings(() => import('../features/events/CaseDetail')));
const StepDetail = lazy(withAllStrings(() => import('../features/events/StepDetail')));
const FeedbackForm = lazy(withAllStrings(() => import('../features/feedback/FeedbackForm')));
const Ratings = lazy(withAllStrings(() => import('../features/feedback/Ratings')));
const Offers = lazy(withAllStrings(() => import('../features/offers/Offers')));
const OfferDetail = lazy(withAllStrings(() => import('../features/offers/OfferDetail')));
const Inbox = lazy(withAllStrings(() => import('../features/inbox/Inbox')));
const More = lazy(withAllStrings(() => import('../features/more/More')));
const Services = lazy(withAllStrings(() => import('../features/services/Services')));
const EventServiceDetail = lazy(withAllStrings(() => import('../features/services/EventServiceDetail')));
const SubServiceDetail = lazy(withAllStrings(() => import('../features/services/SubServiceDetail')));
const Settings = lazy(withAllStrings(() => import('../features/settings/Settings')));
const MyData = lazy(withAllStrings(() => import('../features/my-data/MyData')));
const Authorisations = lazy(withAllStrings(() => import('../features/mandates/Authorisations')));
const Help = lazy(withAllStrings(() => import('../features/help/Help')));
const AccessibilityStatement = lazy(withAllStrings(() => import('../features/more/AccessibilityStatement')));
const NotFound = lazy(withAllStrings(() => import('./NotFound')));

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
      <Route path="/my-data" component={MyData} />
      <Route path="/authorisations" component={Authorisations} />
      <Route path="/help" component={Help} />
      <Route path="/accessibility" component={AccessibilityStatement} />
      <Route path="*" component={NotFound} />
    </Router>
  );
}
