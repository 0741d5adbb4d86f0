import { newOrganizationSuite } from './run-new-organization';

// A new organization with IAM Identity Center on, before and after the console step that enables its instance.
newOrganizationSuite();
