import { AppError } from '../../core/errors.js';
import { ATTRIBUTE_TEXTS, type GatewayLocale } from './open311.i18n.js';

/**
 * The attributes a service asks for beyond the description (GeoReport v2 service definitions). The county's
 * categories ask for few: a street light's state and pole number (so the crew brings the right part), and whether
 * anyone is trapped in a broken lift. Given values are written into the case's description, where staff read them.
 */
type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
export interface AttributeRule {
  code: string;
  datatype: Datatype;
  required: boolean;
  order: number;
  /** For the list types: the allowed keys, in order. */
  values?: readonly string[];
}

export const SERVICE_ATTRIBUTES: Readonly<Record<string, readonly AttributeRule[]>> = {
  'facilities.streetlight': [
    {
      code: 'LIGHT_STATE',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      values: ['out', 'flicker', 'daylight'],
    },
    { code: 'POLE_NUMBER', datatype: 'string', required: false, order: 2 },
  ],
  'property.elevator': [
    { code: 'TRAPPED', datatype: 'singlevaluelist', required: true, order: 1, values: ['yes', 'no'] },
  ],
};

export function hasAttributes(serviceCode: string): boolean {
  return (SERVICE_ATTRIBUTES[serviceCode]?.length ?? 0) > 0;
}

/** The service definition's attributes, as GeoReport v2 lists them. */
export function attributeDefinitions(serviceCode: string, locale: GatewayLocale) {
  return (SERVICE_ATTRIBUTES[serviceCode] ?? []).map((a) => {
    const text = ATTRIBUTE_TEXTS[a.code];
    return {
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.values ? '' : a.datatype,
      order: a.order,
      description: text.description[locale],
      ...(a.values ? { values: a.values.map((key) => ({ key, name: text.values?.[key]?.[locale] ?? key })) } : {}),
    };
  });
}

function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', {}, [{ path, message }]);
}

/**
 * Checks the attribute[CODE] values a request gives against its service, and answers them as lines for the case's
 * description ("路灯状况：不亮"). A missing required attribute, an unknown code or a value outside its list is a 400.
 */
export function attributeLines(serviceCode: string, given: Record<string, string[]>): string[] {
  const rules = SERVICE_ATTRIBUTES[serviceCode] ?? [];
  for (const code of Object.keys(given)) {
    if (!rules.some((r) => r.code === code)) throw invalid(`attribute[${code}]`, 'not an attribute of this service');
  }
  const lines: string[] = [];
  for (const rule of rules) {
    const values = (given[rule.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (rule.required) throw invalid(`attribute[${rule.code}]`, 'required');
      continue;
    }
    if (rule.datatype !== 'multivaluelist' && values.length > 1)
      throw invalid(`attribute[${rule.code}]`, 'one value only');
    const text = ATTRIBUTE_TEXTS[rule.code];
    if (rule.values) {
      const bad = values.find((v) => !rule.values?.includes(v));
      if (bad !== undefined) throw invalid(`attribute[${rule.code}]`, `not one of ${rule.values.join(', ')}`);
    }
    if (values.some((v) => v.length > 200)) throw invalid(`attribute[${rule.code}]`, 'at most 200 characters');
    const shown = values.map((v) => text.values?.[v]?.['zh-CN'] ?? v).join('、');
    lines.push(`${text.description['zh-CN']}：${shown}`);
  }
  return lines;
}
