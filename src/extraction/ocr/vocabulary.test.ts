import { describe, expect, it } from 'vitest';
import { toPageWords } from './ocr.js';
import { isEnglishWord, repairNameWords, repairWord } from './vocabulary.js';

describe('repairing OCR slips against the English word list', () => {
  it.each([
    ['Heartiand', 'Heartland'],
    ['Cwner,', 'Owner,'],
    ['Qwner', 'Owner'],
    ['HEARTIAND', 'HEARTLAND'],
    ['Cornmercial', 'Commercial'],
    ['Casuaity', 'Casualty'],
    ['Speciaity', 'Specialty'],
    ['(Medicai)', '(Medical)'],
    ['Praine', 'Prairie'],
    ['Conunental', 'Continental'],
    // in a long word: a y read as v, an l as t, an n as r, an o as a
    ['Kevstone', 'Keystone'],
    ['Hearttand', 'Heartland'],
    ['Cornerstare', 'Cornerstone'],
  ])('reads %s as %s', (seen, meant) => {
    expect(repairWord(seen)).toBe(meant);
  });

  it.each(['Insurance', 'Delgado', 'Mifllin', 'Channelside', 'LLC', 'ACORD', 'NAIC', 'ADDL', 'SUBR', 'Clark', 'PKG', 'WC1L', '2269963-24', 'Co.', 'Inc', 'Quinn', 'Qwest'])(
    'leaves %s as it is (English already, no English neighbour, short, or not letters)',
    (word) => {
      expect(repairWord(word)).toBe(word);
    },
  );

  it("repairs a name's words by the words printed elsewhere on its page, an 'o' read as 'a' too", () => {
    const page = new Set(['re:', 'harbor', 'point', 'janitorial', 'services', 'ironbridge']);
    expect(repairNameWords('Metro Janitarial Supply Co.', page)).toBe('Metro Janitorial Supply Co.');
    expect(repairNameWords('Harbar Point Office Park Owner, LLC', page)).toBe('Harbor Point Office Park Owner, LLC');
    expect(repairNameWords('Iranbridge Construction', page)).toBe('Ironbridge Construction');
    // any one letter in place from an English word the page prints, in a word of five letters or more
    expect(repairNameWords('Third Street Hospitality LLC DBA Third Street Cotfee', new Set(['cafe', 'coffee', 'operations']))).toBe('Third Street Hospitality LLC DBA Third Street Coffee');
    expect(repairNameWords('Lambert Construction Greup LLC', new Set(['demo', 'property', 'group']))).toBe('Lambert Construction Group LLC');
    // (not where two such words are printed, nor from a word the page prints that is no English word)
    expect(repairNameWords('Bater Holdings', new Set(['baker', 'later']))).toBe('Bater Holdings');
    expect(repairNameWords('Tessera Holdings', new Set(['tessora']))).toBe('Tessera Holdings');
    // one of the commoner slips from an English word, confirmed or not
    expect(repairNameWords('Channelside Medical Pavilion Qwner, LLC', new Set())).toBe('Channelside Medical Pavilion Owner, LLC');
    // a closing 'Co.' with its o read as a, c or 0; not a lone word, nor one inside the name
    expect(['Ca.', 'Cc.', 'C0.'].map((co) => repairNameWords(`Ironbridge Construction ${co}`, new Set()))).toEqual(Array(3).fill('Ironbridge Construction Co.'));
    expect(repairNameWords('Ca.', new Set())).toBe('Ca.');
    expect(repairNameWords('Ca. Roofing Supply', new Set())).toBe('Ca. Roofing Supply');
    // a word nothing else on the page confirms, or English already, stays as read
    for (const name of ['Catton Holdings', 'Prairie Stales Assurance', 'Delgado Coffee Company', 'Harbar']) expect(repairNameWords(name, new Set(['states', 'janitors']))).toBe(name);
  });

  it("repairs an 'l' read as 'i' beside an i into an English word or two ('Brightiine'), and a name word's opening I read as l ('lronbridge')", () => {
    expect(repairNameWords('Brightiine Risk Partners', new Set())).toBe('Brightline Risk Partners');
    expect(repairNameWords('CRESTIINE EXCESS & SURPLUS COMPANY', new Set())).toBe('CRESTLINE EXCESS & SURPLUS COMPANY');
    expect(repairNameWords('lronbridge Construction Co.', new Set())).toBe('Ironbridge Construction Co.');
    // ii that is no such slip, an l before a vowel (a word that may start so), a particle: as read
    for (const name of ['Hawaii Pacific Builders', 'Ferraiiolo Group', 'Llama Farms', 'de la Cruz Roofing', 'leone Holdings']) expect(repairNameWords(name, new Set())).toBe(name);
  });

  it("repairs a name's word that one common slip makes two English words run together ('Harborvicw'), and an opening I read as t ('tron Works')", () => {
    expect(repairNameWords('Harborvicw Specialty Insurance Company', new Set())).toBe('Harborview Specialty Insurance Company');
    expect(repairNameWords('Lakevicw Partners', new Set())).toBe('Lakeview Partners');
    // an r read as n ('Nonthbridge')
    expect(repairNameWords('Nonthbridge Fire & Casualty Co.', new Set())).toBe('Northbridge Fire & Casualty Co.');
    // two slips that each make two words: the one whose rarer word is the commoner ('line', not 'lino')
    expect(repairNameWords('Brightlinc Risk Partners', new Set())).toBe('Brightline Risk Partners');
    // an 'ri' run into an n, between two of the commonest words
    expect(repairNameWords('Northbndge Fire & Casualty Co.', new Set())).toBe('Northbridge Fire & Casualty Co.');
    expect(repairNameWords('Bnghtline Risk Partners', new Set())).toBe('Brightline Risk Partners');
    // and not between rarer ones: 'Sorensen' is no sore + risen, 'Weinstein' no weir + stein
    for (const name of ['Sorensen Landscaping LLC', 'Weinstein Holdings']) expect(repairNameWords(name, new Set())).toBe(name);
    expect(repairNameWords('tron Works Wellness Studios, Inc.', new Set())).toBe('Iron Works Wellness Studios, Inc.');
    // a word that is two words already, a name that no slip makes two words, and a word the I would not make English
    for (const name of ['Ironbridge Construction', 'Stonegate Group', 'Kowalski Landscaping', 'Lambert Holdings', 'tenney Farms', 'Ferraiiolo Group', 'Eastman Kodak', 'Branson Hill']) expect(repairNameWords(name, new Set())).toBe(name);
  });

  it("repairs a name's opening capital read as another letter in lower case ('sranite Shield'), where only one letter makes it English", () => {
    expect(repairNameWords('sranite Shield Insurance Company', new Set())).toBe('Granite Shield Insurance Company');
    expect(repairNameWords('Crestline sranite Holdings', new Set())).toBe('Crestline Granite Holdings');
    // a letter lost before it makes another word ('tellar': Cellar, or Stellar), several letters make English words
    // ('hieldings'), the name's other words are not capitalized, the word is short, or it stands alone: it stays
    for (const name of ['tellar Roofing LLC', 'sranite shield insurance', 'hield Group', 'sranite', 'Ironbridge Construction']) expect(repairNameWords(name, new Set())).toBe(name);
  });

  it("repairs an English word one slip from one the page prints beside the same neighbour ('Harbor Paint' where it says 'Harbor Point')", () => {
    const pairs = new Set(['re harbor', 'harbor point', 'point office', 'office park', 'harbor paint', 'paint office']);
    expect(repairNameWords('Harbor Paint Office Park Owner, LLC', new Set(['harbor', 'point', 'paint', 'office']), pairs)).toBe('Harbor Point Office Park Owner, LLC');
    // the neighbour after it confirms it too
    expect(repairNameWords('Paint Office Park', new Set(), new Set(['point office']))).toBe('Point Office Park');
    // without such a pair, an English word stays as read
    expect(repairNameWords('Harbor Paint Office Park', new Set(['point']), new Set(['easton point']))).toBe('Harbor Paint Office Park');
    // nor is an English word taken for one that is none, as the page printed this very name misread ('Puise Fitness
    // LLC DBA Pulse Fitness' on the page: its first word mended, its 'Pulse' kept)
    const page = { words: new Set(['puise', 'fitness', 'pulse']), pairs: new Set(['puise fitness', 'fitness llc', 'dba pulse', 'pulse fitness']) };
    expect(repairNameWords('Puise Fitness LLC DBA Pulse Fitness', page.words, page.pairs)).toBe('Pulse Fitness LLC DBA Pulse Fitness');
  });

  it.each([
    ['Tn-County Insurance Brokers', 'Tri-County Insurance Brokers'],
    ['Trn-County Insurance Brokers', 'Tri-County Insurance Brokers'],
    ['Tri-County Insurance Brokers', 'Tri-County Insurance Brokers'],
    // (not before a word that is no English word, nor a part that is a word already)
    ['Tn-Cornty Services', 'Tn-Cornty Services'],
    ['Ace-County Services', 'Ace-County Services'],
  ])("reads a hyphenated name's prefix OCR merged (%s) as %s", (seen, meant) => {
    expect(repairNameWords(seen, new Set())).toBe(meant);
  });

  it("repairs a word of the pairs insurers' and brokers' names are made of beside its partner, and an 'Inc' read 'lnc'", () => {
    expect(repairNameWords('Tri-County Insurance Broken', new Set())).toBe('Tri-County Insurance Brokers');
    expect(repairNameWords('Keystone Employen Assurance Co.', new Set())).toBe('Keystone Employers Assurance Co.');
    expect(repairNameWords('Lakeshore Mutwal Casualty Company', new Set())).toBe('Lakeshore Mutual Casualty Company');
    expect(repairNameWords('Bluestem Worker Compensation Mutual', new Set())).toBe('Bluestem Workers Compensation Mutual');
    expect(repairNameWords('Holloway Commercial Cleaning, lnc.', new Set())).toBe('Holloway Commercial Cleaning, Inc.');
    expect(repairNameWords('Schmidt Enterprises, (nc.', new Set())).toBe('Schmidt Enterprises, Inc.');
    // a region insurers name themselves by, which the word list lacks, one letter off
    expect(repairNameWords('Allantic Keystone Insurance Company', new Set())).toBe('Atlantic Keystone Insurance Company');
    expect(repairNameWords('Amenican Family Mutual', new Set())).toBe('American Family Mutual');
    // (a 'tn' run into an m: 'Risk Parmers')
    expect(repairNameWords('Brightline Risk Parmers', new Set())).toBe('Brightline Risk Partners');
    // a pair's word read right stays, and so does a word no pair confirms
    for (const name of ['Metro Insurance Broker', 'Broken Arrow Roofing', 'Owen Mutual Insurance', 'Worker Bee Cleaning LLC']) {
      expect(repairNameWords(name, new Set())).toBe(name);
    }
  });

  it("repairs a company word one letter off, no English word itself ('Enterpriges'), and a DBA after a company's form read 'DNA'", () => {
    expect(repairNameWords('Lockhart Enterpriges, Inc, DNA Blue Line Plumbing & Heating', new Set())).toBe('Lockhart Enterprises, Inc, DBA Blue Line Plumbing & Heating');
    expect(repairNameWords('Novak Constructlon Co.', new Set())).toBe('Novak Construction Co.');
    // two letters off in a word of nine or more ('Emplovens'), not in a shorter one
    expect(repairNameWords('Keystone Emplovens Assurance Co.', new Set())).toBe('Keystone Employers Assurance Co.');
    expect(repairNameWords('Novak Constrvctlon Co.', new Set())).toBe('Novak Construction Co.');
    expect(repairNameWords('Hollis Pavtnens LLC', new Set())).toBe('Hollis Pavtnens LLC');
    // a letter too many in a company word longer than seven letters ('Comimercial', a stroke of its 'mm' read as an
    // 'i'), not in a shorter one ('Agenncy' is left)
    expect(repairNameWords('Pinnacle Comimercial Insurance Group', new Set())).toBe('Pinnacle Commercial Insurance Group');
    expect(repairNameWords('Hollis Agenncy', new Set())).toBe('Hollis Agenncy');
    // (an 'o' read as 'a' in one of them too, which in a word of the name's own the page must confirm)
    expect(repairNameWords('Metro Janitarial Supply', new Set())).toBe('Metro Janitorial Supply');
    expect(repairNameWords('Acme LLC D8A Acme Roofing', new Set())).toBe('Acme LLC DBA Acme Roofing');
    expect(repairNameWords('Third Street Coffee Company LLC CBA Third Street Coffee', new Set())).toBe('Third Street Coffee Company LLC DBA Third Street Coffee');
    // an 'rs' run into an n, with an m read for 'rn' ('Comentone'), and a capital I read as a brace ('{ronbridge')
    expect(repairNameWords('Comentone Insurance Services, Inc.', new Set())).toBe('Cornerstone Insurance Services, Inc.');
    // an 'rt' run into an n ('Heanland'), in a long word only: a short name makes another word of it ('Chen', 'chert')
    expect(repairNameWords('Heanland Commercial Insurance Co.', new Set())).toBe('Heartland Commercial Insurance Co.');
    // and an r read as n with it in a long word ('Comenstone': its rn read as m, its second r as n)
    expect(repairNameWords('Comenstone Insurance Services, Inc.', new Set())).toBe('Cornerstone Insurance Services, Inc.');
    expect(repairNameWords('Chen Security Services, Inc.', new Set())).toBe('Chen Security Services, Inc.');
    expect(repairNameWords('{ronbridge Construction Co.', new Set())).toBe('Ironbridge Construction Co.');
    // an Irish name's O read as a zero before its apostrophe ("0'Neill")
    expect(repairNameWords("0'Neill Electrical Contractors LLC", new Set())).toBe("O'Neill Electrical Contractors LLC");
    expect(repairNameWords("Suite 0'Brien", new Set())).toBe("Suite O'Brien");
    expect(repairNameWords("0'neill 10'x12'", new Set())).toBe("0'neill 10'x12'");
    expect(repairNameWords('(formerly Acme)', new Set())).toBe('(formerly Acme)');
    // a name's own word, a DNA that is a company's, and a short word stay
    for (const name of ['DNA Diagnostics LLC', 'Holmes Servics', 'Servix Group']) expect(repairNameWords(name, new Set())).toBe(name);
  });

  it('knows common words and not OCR garble', () => {
    expect(isEnglishWord('Owner')).toBe(true);
    expect(isEnglishWord('casualty')).toBe(true);
    expect(isEnglishWord('Heartiand')).toBe(false);
  });

  it('repairs only the words tesseract doubted', () => {
    const pixel = (text: string, confidence: number) => ({ text, left: 0, top: 0, width: 50, height: 10, confidence });
    const [doubted, sure] = toPageWords([pixel('Heartiand', 85), pixel('Heartiand', 96)], 1, 0, 0);
    expect(doubted!.text).toBe('Heartland');
    expect(sure!.text).toBe('Heartiand');
  });
});
