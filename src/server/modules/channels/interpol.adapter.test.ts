import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  entityIdFromUrl, entityIdToUrl, fromInterpolWire, interpolDateToPartial, interpolMessage, isEntityId, NOTICE_KINDS, toInterpolWire,
  type InterpolMessageInput,
} from './interpol.adapter.ts';
import { entityIdFromNoticeUrl, parseNoticeDetail, parseNoticeList, parseNoticeStream } from './interpol-notices.ts';
import { assertDomainError } from './test-helpers.ts';

const redNotice = (over: Partial<InterpolMessageInput> = {}): InterpolMessageInput => ({
  type: 'notice',
  reference: 'NCB-SE-2026-0099',
  createdAt: '2026-03-03T08:00:00Z',
  issuingCountry: 'SE',
  noticeKind: 'red',
  entityId: '2026/12345',
  language: 'en',
  person: { forename: 'Omar', name: 'Haddad', dateOfBirth: '1980', nationalities: ['SE', 'SY'], gender: 'male' },
  charges: [{ country: 'SE', charge: 'Mord (BrB 3:1)', translation: 'Murder' }],
  review: { status: 'approved', decidedAt: '2026-03-04T09:00:00Z' },
  ...over,
});

const links = (id: string, kind = 'red') => ({ self: { href: `https://ws-public.interpol.int/notices/v1/${kind}/${id.replace('/', '-')}` } });

describe('Interpol adapter', () => {
  it('round-trips a red notice request and a diffusion', () => {
    const notice = interpolMessage.parse(redNotice());
    const wire = toInterpolWire(notice);
    assert.equal(wire.date_of_birth, '1980/00/00');
    assert.equal(wire.sex_id, 'M');
    assert.deepEqual(wire.arrest_warrants, [{ issuing_country_id: 'SE', charge: 'Mord (BrB 3:1)', charge_translation: 'Murder' }]);
    assert.deepEqual(fromInterpolWire(JSON.parse(JSON.stringify(wire))), notice);

    const diffusion = interpolMessage.parse(redNotice({
      type: 'diffusion', noticeKind: null, diffusionPurpose: 'locate', recipients: ['TR', 'AE'], entityId: null,
      person: { name: 'Haddad', dateOfBirth: '1980-07-14' }, charges: [], body: 'Believed to travel to Dubai.',
      review: { status: 'pending' },
    }));
    assert.deepEqual(fromInterpolWire(toInterpolWire(diffusion)), diffusion);
  });

  it('round-trips a notice of every colour and refuses a colour that does not exist', () => {
    for (const kind of NOTICE_KINDS) {
      // Only a Red Notice rests on charges; the others (missing person, body, threat …) have none.
      const n = interpolMessage.parse(redNotice({ noticeKind: kind, charges: kind === 'red' ? redNotice().charges : [], body: `A ${kind} notice` }));
      const wire = toInterpolWire(n);
      assert.equal(wire.notice_type, kind);
      assert.deepEqual(fromInterpolWire(JSON.parse(JSON.stringify(wire))), n, kind);
    }
    const wire = { ...toInterpolWire(interpolMessage.parse(redNotice())), notice_type: 'pink' };
    assertDomainError(() => fromInterpolWire(wire), 'channels.invalid_wire', { path: 'notice_type', code: 'channels.interpol_notice_kind_invalid' });
  });

  it('requires a reason when the Article 3 review refuses', () => {
    assertDomainError(
      () => toInterpolWire(redNotice({ review: { status: 'refused', decidedAt: '2026-03-04T09:00:00Z' } })),
      'channels.invalid_message',
      { path: 'review.reason', code: 'channels.interpol_review_reason_required' },
    );
    const refused = interpolMessage.parse(redNotice({ review: { status: 'refused', reason: 'Predominantly political (Art 3)', decidedAt: '2026-03-04T09:00:00Z' } }));
    assert.deepEqual(fromInterpolWire(toInterpolWire(refused)).review, refused.review);
  });

  it('rejects a red notice without charges and a diffusion without recipients', () => {
    assertDomainError(() => toInterpolWire(redNotice({ charges: [] })), 'channels.invalid_message', {
      path: 'charges', code: 'channels.interpol_red_requires_charge',
    });
    assertDomainError(() => toInterpolWire(redNotice({ type: 'diffusion', noticeKind: null, diffusionPurpose: 'arrest' })), 'channels.invalid_message', {
      path: 'recipients', code: 'channels.interpol_diffusion_recipients_required',
    });
  });

  it('rejects a malformed entity id and an impossible date on the wire', () => {
    const wire = toInterpolWire(redNotice());
    assertDomainError(() => fromInterpolWire({ ...wire, entity_id: '2026-12345' }), 'channels.invalid_wire', {
      path: 'entity_id', code: 'channels.interpol_entity_id_invalid',
    });
    assertDomainError(() => fromInterpolWire({ ...wire, date_of_birth: '1980/13/45' }), 'channels.invalid_wire', {
      path: 'date_of_birth', code: 'channels.interpol_date_invalid',
    });
  });

  it('converts entity ids and dates', () => {
    assert.equal(isEntityId('2019/12345'), true);
    for (const bad of ['2019-12345', '19/12345', '2019/1234567', '2019/', 'abcd/12345', '1800/12345']) assert.equal(isEntityId(bad), false, bad);
    assert.equal(entityIdToUrl('2019/12345'), '2019-12345');
    assert.equal(entityIdFromUrl('2019-12345'), '2019/12345');
    assert.equal(entityIdFromUrl('2019/12345'), null);
    assert.equal(entityIdFromNoticeUrl('https://ws-public.interpol.int/notices/v1/red/1993-27493/images'), '1993/27493');
    assert.equal(interpolDateToPartial('1980/00/00'), '1980');
    assert.equal(interpolDateToPartial('1980/05/00'), '1980-05');
    assert.equal(interpolDateToPartial('1980/02/29'), '1980-02-29');
    assert.equal(interpolDateToPartial('1981/02/29'), null);
    assert.equal(interpolDateToPartial('1980/13/45'), null);
    assert.equal(interpolDateToPartial('1980/00/12'), null);
  });
});

describe('Interpol notice import (public notices API shape)', () => {
  const list = {
    total: 6,
    query: { page: 1, resultPerPage: 160 },
    _embedded: {
      notices: [
        { forename: 'DANIELA MARIE LUISE', name: 'KLETTE', date_of_birth: '1958/11/05', entity_id: '1993/27493', nationalities: ['DE'], _links: links('1993/27493') },
        { forename: 'JOHN', name: 'DOE', date_of_birth: '1980/00/00', entity_id: '2019/12345', nationalities: ['US', 'GB'], _links: links('2019/12345') },
        { forename: null, name: 'ROE', entity_id: '2020/1', nationalities: null, _links: links('2020/1') },
        { forename: 'BAD', name: 'ID', date_of_birth: '1970/01/01', entity_id: '2019-12345', nationalities: [] },
        { forename: 'BAD', name: 'DATE', date_of_birth: '1980/13/45', entity_id: '2021/54321', nationalities: [] },
        { forename: 'BAD', name: 'NATIONALITY', date_of_birth: '1980/01/01', entity_id: '2022/11111', nationalities: 'FR' },
      ],
    },
    _links: { self: { href: 'https://ws-public.interpol.int/notices/v1/red?page=1' } },
  };

  it('normalises good records and reports bad ones by index, without failing the import', () => {
    const result = parseNoticeList(JSON.stringify(list));
    assert.equal(result.total, 6);
    assert.deepEqual(result.records.map((r) => [r.entityId, r.urlId, r.kind, r.dateOfBirth, r.nationalities]), [
      ['1993/27493', '1993-27493', 'red', '1958-11-05', ['DE']],
      ['2019/12345', '2019-12345', 'red', '1980', ['US', 'GB']],
      ['2020/1', '2020-1', 'red', null, []],
    ]);
    assert.equal(result.records[2].forename, null);
    assert.equal(result.records[0].sex, 'unknown');
    assert.deepEqual(result.errors, [
      { index: 3, entityId: '2019-12345', path: 'entity_id', code: 'channels.interpol_entity_id_invalid' },
      { index: 4, entityId: '2021/54321', path: 'date_of_birth', code: 'channels.interpol_date_invalid' },
      { index: 5, entityId: '2022/11111', path: 'nationalities', code: 'channels.interpol_nationalities_invalid' },
    ]);
  });

  it('rejects a document that is not a notice list as a whole', () => {
    assertDomainError(() => parseNoticeList({ total: 1, _embedded: { notices: {} } }), 'channels.interpol_document_invalid', {
      path: '_embedded.notices', code: 'channels.interpol_document_invalid',
    });
    assertDomainError(() => parseNoticeList('{"total": 1,'), 'channels.interpol_document_invalid', { path: '', code: 'channels.interpol_json_invalid' });
  });

  it('parses a red notice detail', () => {
    const detail = {
      arrest_warrants: [{ issuing_country_id: 'DE', charge: 'Versuchter Mord', charge_translation: null }],
      weight: 63, height: 1.65, forename: 'DANIELA MARIE LUISE', date_of_birth: '1958/11/05', entity_id: '1993/27493',
      languages_spoken_ids: ['GER'], nationalities: ['DE'], sex_id: 'F', country_of_birth_id: 'DE', name: 'KLETTE',
      distinguishing_marks: 'Birthmarks in the face', eyes_colors_id: ['BRO'], hairs_id: ['BLA'], place_of_birth: 'KARLSRUHE',
      _links: { ...links('1993/27493'), images: { href: 'https://ws-public.interpol.int/notices/v1/red/1993-27493/images' } },
    };
    const r = parseNoticeDetail(detail);
    assert.ok(r.ok);
    assert.equal(r.record.sex, 'female');
    assert.deepEqual(r.record.charges, [{ country: 'DE', charge: 'Versuchter Mord', translation: null }]);
    assert.equal(r.record.heightM, 1.65);
    assert.equal(r.record.weightKg, 63);
    assert.deepEqual([r.record.eyeColours, r.record.hairColours, r.record.languages], [['BRO'], ['BLA'], ['GER']]);
    assert.equal(r.record.links.images, 'https://ws-public.interpol.int/notices/v1/red/1993-27493/images');
    const bad = parseNoticeDetail({ ...detail, sex_id: 'X' });
    assert.deepEqual(bad, { ok: false, error: { index: 0, entityId: '1993/27493', path: 'sex_id', code: 'channels.interpol_sex_invalid' } });
  });

  it('parses a yellow notice detail', () => {
    const r = parseNoticeDetail({
      entity_id: '2024/7788', forename: 'LISA', name: 'SVENSSON', birth_name: 'KARLSSON', date_of_birth: '2009/04/00',
      date_of_event: '2024/06/01', place: 'Malmö', country: 'SE', father_forename: 'PER', mother_forename: 'EVA',
      mother_name: 'KARLSSON', nationalities: ['SE'], sex_id: 'F', _links: links('2024/7788', 'yellow'),
    });
    assert.ok(r.ok);
    assert.equal(r.record.kind, 'yellow');
    assert.equal(r.record.dateOfBirth, '2009-04');
    assert.deepEqual(
      [r.record.birthName, r.record.dateOfEvent, r.record.eventPlace, r.record.eventCountry, r.record.fatherForename, r.record.motherForename, r.record.motherName],
      ['KARLSSON', '2024-06-01', 'Malmö', 'SE', 'PER', 'EVA', 'KARLSSON'],
    );
  });

  it('parses a stream one record at a time, keeping indexes', async () => {
    async function* source() {
      yield { entity_id: '2019/1', name: 'A' };
      yield 'not an object';
      yield { entity_id: '2019/3', name: 'C', date_of_birth: '1990/01/01' };
    }
    const out = [];
    for await (const r of parseNoticeStream(source(), { kind: 'un_special' })) out.push(r);
    assert.deepEqual(out.map((r) => (r.ok ? r.record.entityId : `${r.error.index}:${r.error.code}`)), ['2019/1', '1:channels.interpol_record_invalid', '2019/3']);
    assert.equal(out[0].ok && out[0].record.kind, 'un_special');
  });
});
