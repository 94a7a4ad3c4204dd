// The create-ticket form's state, checks and the NewTicketView it sends (pure, tested).
import type { ConnectionCatalogView, CustomFieldView, NewTicketView } from '../../../bindings';

/** What the user entered. */
export interface CreateFormState {
  connectionId: string | null;
  /** Sobot: on the customer's behalf instead of as an agent. */
  asCustomer: boolean;
  title: string;
  content: string;
  categoryId: string | null;
  templateId: string | null;
  priority: string | null;
  status: string | null;
  source: string | null;
  assigneeId: string | null;
  groupId: string | null;
  customerId: string;
  customerEmail: string;
  customerPhone: string;
  /** Custom field values by key; several options joined with commas. */
  fields: Record<string, string>;
}

/** An empty form on a connection. */
export function emptyCreateForm(connectionId: string | null): CreateFormState {
  return {
    connectionId,
    asCustomer: false,
    title: '',
    content: '',
    categoryId: null,
    templateId: null,
    priority: null,
    status: null,
    source: null,
    assigneeId: null,
    groupId: null,
    customerId: '',
    customerEmail: '',
    customerPhone: '',
    fields: {},
  };
}

/** How a custom field is entered. */
export type FieldKind = 'text' | 'textarea' | 'date' | 'datetime' | 'time' | 'number' | 'select' | 'multi' | 'link';

/** The input for a vendor field type (Sobot numeric codes, Udesk names). */
export function fieldKind(field: CustomFieldView): FieldKind {
  const type = field.fieldType.trim().toLowerCase();
  switch (type) {
    case '2':
    case 'area_text':
    case 'textarea':
      return 'textarea';
    case '3':
    case 'date':
      return 'date';
    case '4':
    case 'time':
      return 'time';
    case '12':
    case 'datetime':
      return 'datetime';
    case '5':
    case 'number':
    case 'numeric':
      return 'number';
    case '7':
    case 'checkbox':
      return field.options.length > 0 ? 'multi' : 'text';
    case '6':
    case '8':
    case '9':
    case 'droplist':
    case 'radio':
    case 'select':
      return field.options.length > 0 ? 'select' : 'text';
    case 'link':
      return 'link';
    default:
      return field.options.length > 0 ? 'select' : 'text';
  }
}

/** Why a field is not accepted (a key under ticket.validation). */
export type FieldProblem = 'required' | 'email' | 'customerRequired' | 'leafOnly' | 'number' | 'url';

/** Problems by form field: title, content, categoryId, templateId, customer, customerEmail, field:<key>. */
export type FormErrors = Record<string, FieldProblem>;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;

/** The custom fields the form shows for a connection. */
export function visibleFields(catalog: ConnectionCatalogView | undefined): CustomFieldView[] {
  return catalog?.customFields ?? [];
}

/**
 * Checks the form before sending; an empty result means it can be sent. `fields` are the custom
 * fields the form shows (those of the chosen category or template; by default the connection's).
 */
export function validateCreateForm(
  form: CreateFormState,
  catalog: ConnectionCatalogView | undefined,
  fields: readonly CustomFieldView[] = visibleFields(catalog),
): FormErrors {
  const errors: FormErrors = {};
  if (!catalog) {
    errors.connectionId = 'required';
    return errors;
  }
  if (!form.title.trim()) errors.title = 'required';
  if (!form.content.trim()) errors.content = 'required';
  const sobot = catalog.vendor === 'sobot';
  if (sobot) {
    const category = catalog.categories.find((item) => item.code === form.categoryId);
    if (!form.categoryId) {
      if (catalog.capabilities.categoryRequired) errors.categoryId = 'required';
    } else if (!category?.leaf) {
      errors.categoryId = 'leafOnly';
    }
  }
  const asCustomer = sobot && form.asCustomer && catalog.capabilities.createAsCustomer;
  if (asCustomer && !form.customerId.trim() && !form.customerEmail.trim() && !form.customerPhone.trim()) {
    errors.customer = 'customerRequired';
  }
  if (form.customerEmail.trim() && !EMAIL.test(form.customerEmail.trim())) errors.customerEmail = 'email';
  for (const field of fields) {
    const value = (form.fields[field.key] ?? '').trim();
    if (!value) {
      if (field.required) errors[`field:${field.key}`] = 'required';
      continue;
    }
    const kind = fieldKind(field);
    if (kind === 'number' && !Number.isFinite(Number(value))) errors[`field:${field.key}`] = 'number';
    if (kind === 'link' && !/^https?:\/\/\S+$/i.test(value)) errors[`field:${field.key}`] = 'url';
  }
  return errors;
}

const trimmedOrNull = (value: string) => (value.trim() ? value.trim() : null);

/** A date-time input's value ("2026-03-04T14:05") as the vendors take it ("2026-03-04 14:05:00"). */
export function vendorDateTime(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(value);
  return match ? `${match[1]} ${match[2]}:${match[3] ?? '00'}` : value;
}

/** The ticket to create from a valid form. */
export function buildNewTicket(
  form: CreateFormState,
  catalog: ConnectionCatalogView,
  attachments: readonly string[],
  shown: readonly CustomFieldView[] = visibleFields(catalog),
): NewTicketView {
  const sobot = catalog.vendor === 'sobot';
  const asCustomer = sobot && form.asCustomer && catalog.capabilities.createAsCustomer;
  const fields: Record<string, string> = {};
  for (const field of shown) {
    const value = (form.fields[field.key] ?? '').trim();
    if (!value) continue;
    fields[field.key] = fieldKind(field) === 'datetime' ? vendorDateTime(value) : value;
  }
  const ticket: NewTicketView = {
    title: form.title.trim(),
    content: form.content.trim(),
    customerId: trimmedOrNull(form.customerId),
    customerEmail: null,
    customerPhone: null,
    fields,
    attachments: catalog.capabilities.attachOnCreate ? [...attachments] : [],
  };
  if (sobot) {
    ticket.asCustomer = asCustomer;
    ticket.categoryId = form.categoryId;
    ticket.source = form.source;
    if (asCustomer) {
      ticket.customerEmail = trimmedOrNull(form.customerEmail);
      ticket.customerPhone = trimmedOrNull(form.customerPhone);
    } else {
      ticket.status = form.status;
      ticket.priority = form.priority;
      ticket.assigneeId = form.assigneeId;
      ticket.groupId = form.groupId;
    }
  } else {
    ticket.templateId = form.templateId;
    ticket.status = form.status;
    ticket.priority = form.priority;
    ticket.assigneeId = form.assigneeId;
    ticket.groupId = form.groupId;
    ticket.customerEmail = trimmedOrNull(form.customerEmail);
    ticket.customerPhone = trimmedOrNull(form.customerPhone);
  }
  return ticket;
}

/** The form field a server's invalidInput error is about ('' when none matches). */
export function formFieldOf(serverField: string, catalog: ConnectionCatalogView | undefined): string {
  const known = ['title', 'content', 'categoryId', 'templateId', 'customer', 'assigneeId', 'groupId', 'priority', 'status', 'source'];
  if (known.includes(serverField)) return serverField;
  if (['customerId', 'customerEmail', 'customerPhone'].includes(serverField)) return 'customer';
  const field = catalog?.customFields.find((candidate) => candidate.key === serverField || candidate.name === serverField);
  return field ? `field:${field.key}` : '';
}
