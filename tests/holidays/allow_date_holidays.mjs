// The differences between our calendars and date-holidays 3.37 that were
// looked into and resolved in favour of our data, each with its reason and
// the official source (docs/holidays.md tells them at length). A rule
// matches a calendar (`cal`, a country or region), the side that has the day
// (`ours` or `lib`), the day's name on that side, and optionally `years`,
// `dates` or `sunday` (the day is a Sunday). A rule that no longer matches
// anything is reported as not needed: then delete it.

const Y = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i)

export const ALLOW = [
  // --- everywhere
  { cal: /./, side: 'lib', sunday: true, reason: 'a feast that is always a Sunday (Easter Sunday, Whit Sunday, the Swiss Federal Fast): only places open on Sundays could be closed by it; we list it where the holiday law names it (DE-BB, DE-HE, CH ...)' },

  // --- Europe
  { cal: /^AT-\d$/, side: 'ours', name: /\(Land holiday\)$/, reason: "the Länder's patron saints' days (Landesfeiertage): Land offices and schools close (Landesgesetze, e.g. Wiener Landesfeiertagsgesetz); date-holidays lists them as school holidays" },
  { cal: /^BG$/, side: 'ours', name: /\(substitute day\)$/, reason: 'Labour Code art. 154(2): a holiday on a Saturday or Sunday gives the next working day off' },
  { cal: /^BG$/, side: 'ours', name: /^(Second Day of Christmas|Orthodox Holy Saturday)$/, reason: 'Labour Code art. 154(1) lists 24-26 December and Good Friday to Easter Monday' },
  { cal: /^CH/, side: 'ours', name: /^(St Berchtold's Day|Easter Monday|Whit Monday|St Stephen's Day|Good Friday|Immaculate Conception|All Saints' Day)$/, reason: "cantonal administrations close on these days by cantonal ordinance or custom (Ruhetagsgesetze, Personalverordnungen), though not every cantonal law makes them equal to Sunday, which is what date-holidays lists" },
  { cal: /^CH-(AG|SO|GL|VS|NE|SG|TG|BE|BL|GR|AR|ZH|FR)$/, side: 'lib', name: /^(Allerheiligen|Tag der Arbeit|Fronleichnam|Josefstag|Mariä Himmelfahrt|Mariä Empfängnis|Heiliger Abend|Silvester|Fête du travail|Lundi de Pentecôte|Veille de Noël|la Fête-Dieu|Karfreitag|Ostermontag|Pfingstmontag|Stephanstag|Lendemain de Noël|Pentecoste)$/, reason: 'a holiday in some districts or communes of the canton only (Catholic districts of AG and SO), or a day offices may close early but that no cantonal law makes a holiday (GL 24 and 31 December, VS 1 May): not one for every place with that region' },
  { cal: /^CH$/, side: 'lib', name: /^(Karfreitag|Ostermontag|Pfingstmontag|Stephanstag)$/, reason: 'not a holiday in every canton (TI and VS keep neither Good Friday nor all of the others): listed per canton' },
  { cal: /^CH-GL$/, side: 'lib', name: /^Näfelser Fahrt$/, years: [2027, 2032], reason: 'the first Thursday of April moves a week only when it falls in Holy Week (Glarus government, e.g. its notice for 2023); in 2027 and 2032 it is the Thursday after Easter' },
  { cal: /^CH-GL$/, side: 'ours', name: /^Näfels Procession$/, years: [2027, 2032], reason: 'see the rule above: 1 April, not moved' },
  { cal: /^CY$/, side: 'ours', name: /^(Christmas Eve|Orthodox Easter Tuesday|Orthodox Whit Monday \(Kataklysmos\)|Clean Monday)$/, reason: "public service holidays by the Cyprus government's annual circular (Public Administration and Personnel Department); date-holidays files Clean Monday under a different date rule" },
  { cal: /^CY$/, side: 'lib', name: /^Καθαρά Δευτέρα$/, reason: 'date-holidays puts Clean Monday a day early in these years; it is Orthodox Easter - 48 days' },
  { cal: /^DE-BY$/, side: 'ours', name: /^Mariä Himmelfahrt$/, reason: 'BayFTG art. 1(1) no. 2: public in the Catholic-majority municipalities (incl. Munich); date-holidays has it only in its sub-region KATH' },
  { cal: /^DE-(BB|HE)$/, side: 'ours', name: /^(Ostersonntag|Pfingstsonntag)$/, reason: 'statutory holidays in BB (FTG §2) and HE (HFeiertagsG §1)' },
  { cal: /^DK$/, side: 'ours', name: /^(Christmas Eve|Constitution Day)$/, reason: 'public offices close on Grundlovsdag and Juleaftensdag (Moderniseringsstyrelsen, Cirkulære om arbejdstid); not statutory holidays' },
  { cal: /^ES/, side: 'lib', name: /(día sustituto|^San José$|^Santiago Apóstol$|^Lunes de Pascua$|^San Juan$|^Corpus Christi$|^Nuestra Señora de África$|^Fiesta del Eid Fitr$|^Fiesta del Sacrificio-Eidul Adha$|^Día de las Instituciones de Cantabria$|^La Bien Aparecida$|^Día de Asturias$|^Día de Ceuta$|^Día de Extremadura$|^Día de la Comunidad de Madrid$|^Fiesta de Castilla y León$|^V Centenario Vuelta al Mundo$)/, reason: "a day a community picks for one year only (the substitute for a national day on a Sunday, San José, Santiago ...), published in the BOE's yearly resolution of fiestas laborales: not bundled (docs/holidays.md)" },
  { cal: /^ES/, side: 'ours', name: /^(Day of Melilla|Day of the Community of Madrid|Day of the Institutions of Cantabria|Day of the Region of Murcia|Day of the Valencian Community|Eid al-Adha|St Francis Xavier's Day)$/, reason: "the community's own day as its decree of fiestas sets it every year (BOE resolución de la Dirección General de Trabajo); date-holidays files it under another community's code or year" },
  { cal: /^FI$/, side: 'ours', name: /^(Christmas Eve|Midsummer Eve)$/, reason: 'offices close (Finnish government working-time agreement: juhannusaatto and jouluaatto are days off), not statutory holidays' },
  { cal: /^GB$/, side: 'lib', name: /^Easter Monday$/, reason: 'not a bank holiday in Scotland (Banking and Financial Dealings Act 1971, sched. 1): listed for GB-ENG, GB-WLS and GB-NIR' },
  { cal: /^GB$/, side: 'lib', name: /^New Year's Day \(substitute day\)$/, reason: 'Scotland substitutes 1 and 2 January differently: listed per nation' },
  { cal: /^GR$/, side: 'lib', name: /^(Πεντηκοστή|Εργατική Πρωτομαγιά)$/, reason: 'Pentecost is a Sunday; Labour Day 2024 was moved to 7 May by decision of the Ministry of Labour (Holy Week)' },
  { cal: /^GR$/, side: 'ours', name: /^Labour Day$/, dates: ['2024-05-07'], reason: 'Labour Day 2024 moved to 7 May (Ministry of Labour decision)' },
  { cal: /^HU$/, side: 'ours', name: /^Bridge day$/, reason: 'bridge days by decree of the Ministry for National Economy (NGM rendelet), worked on a Saturday' },
  { cal: /^IE$/, side: 'ours', name: /\(substitute day\)$|^Day of remembrance and recognition$/, reason: 'Organisation of Working Time Act 1997 sched. 2: a public holiday on a weekend is in practice the next working day off (public service); 18 March 2022 by S.I. 2022/50' },
  { cal: /^NL$/, side: 'ours', name: /^Liberation Day$/, reason: 'every fifth year (2025, 2030, 2035) the state gives its offices the day off (CAO Rijk)' },
  { cal: /^RO$/, side: 'lib', name: /^(Bobotează|Sfântul Ioan Botezătorul)$/, years: [2022, 2023], reason: 'Law 17/2023 (Labour Code art. 139) made 6 and 7 January holidays from 2024' },
  { cal: /^SE$/, side: 'ours', name: /^(Christmas Eve|Midsummer Eve|New Year's Eve)$/, reason: 'Semesterlag/agreements: days off in practice and for the state (Arbetsgivarverket), not red days' },
  { cal: /^SK$/, side: 'lib', name: /./, years: [2025], reason: 'Act 385/2024 (consolidation): 8 May and 15 September not days off in 2025' },
  { cal: /^SK$/, side: 'ours', name: /^Struggle for Freedom and Democracy Day$/, years: [2025], reason: 'Act 385/2024 kept 17 November a day off in 2025' },

  // --- the Americas
  { cal: /^BR$/, side: 'ours', name: /federal optional day off/, reason: "ponto facultativo in the federal government's annual ordinance (Portaria MGI): federal offices close" },
  { cal: /^CA$/, side: 'ours', name: /\(observed\)$/, reason: 'Canada Labour Code s. 195: a holiday on a non-working day moves to the next working day; the day of mourning 2022-09-19 (federal)' },
  { cal: /^MX$/, side: 'ours', name: /^Inauguration of the President$/, reason: 'LFT art. 74 VIII: 1 October every six years since the 2014 reform (2024, 2030); date-holidays keeps 1 December' },

  { cal: /^US$/, side: 'ours', name: /\(observed\)$|executive order|Day of Mourning/, reason: '5 U.S.C. 6103(b) and Executive Order 11582: a holiday on a Saturday is observed the Friday before; executive orders closed federal offices on 24 Dec 2024, 9 Jan 2025, 24 and 26 Dec 2025 (OPM)' },

  // --- Asia, Oceania, the Middle East
  { cal: /^AE$/, side: 'lib', name: /^(الإسراء والمعراج|اليوم الأول من رمضان|المولد النبويّ|رأس السنة الهجرية)$/, reason: "not federal holidays since Cabinet Resolution 27/2019; the Hijri New Year and the Prophet's Birthday fall on the announced day" },
  { cal: /^AE$/, side: 'ours', name: /^(Arafat Day|Eid al-Fitr holiday|National Day|Commemoration Day|Islamic New Year|Prophet's Birthday)$/, reason: 'Cabinet resolutions on official holidays (Federal Authority for Government Human Resources): Arafat Day, the Eid holidays and 2-3 December' },
  { cal: /^AU$/, side: 'lib', name: /^Easter Saturday$/, reason: 'a day of some states only: AU state days are not bundled' },
  { cal: /^AU$/, side: 'ours', name: /^Australia Day$/, sunday: true, reason: 'on a Sunday the Monday after is the day off (both listed)' },
  { cal: /^AU$/, side: 'ours', name: /^Australia Day$/, dates: ['2030-01-26'], reason: 'on a Saturday: the Monday after is the day off (both listed)' },
  { cal: /^CN$/, side: 'lib', name: /^(国际妇女节|青年节|六一儿童节|建军节)$/, reason: 'half days for women, young people, children and the army only (National Holidays Regulations art. 3), not days off for offices' },
  { cal: /^CN$/, side: 'ours', name: /^(Holiday \(State Council arrangement\)|Labour Day|Spring Festival|Mid-Autumn Festival)$/, reason: "the State Council's annual arrangement; Spring Festival is the lunar new year's first three days (eve added 2025) and Labour Day two days from 2025 (State Council Decree 795)" },
  { cal: /^CN$/, side: 'lib', name: /^(春节|中秋节)$/, reason: 'date-holidays starts Spring Festival on the eve before 2025 (Regulations art. 2: days 1-3)' },
  { cal: /^ID$/, side: 'ours', name: /./, years: Y(2025, 2035), reason: 'Joint Decree (SKB) of three ministers for 2025; later years expected dates (marked estimated)' },
  { cal: /^ID$/, side: 'lib', name: /./, years: Y(2025, 2035), reason: 'expected dates differ by a day from ours (marked estimated)' },
  { cal: /^ID$/, side: 'ours', name: /^(Easter Sunday|Vesak Day|Eid al-Adha|Eid al-Fitr \(second day\)|Islamic New Year)$/, reason: 'Joint Decree (SKB) of the Ministers of Religion, Manpower and Administrative Reform for the year' },
  { cal: /^ID$/, side: 'lib', name: /^Hari Raya/, reason: 'the announced date (SKB) differs from the calculated one' },
  { cal: /^IN$/, side: 'ours', name: /./, reason: "the central government's compulsory holidays for its offices in Delhi (DoPT office memorandum each year); date-holidays has national days only" },
  { cal: /^IN$/, side: 'lib', name: /^Ambedkar Jayanti$/, reason: 'a restricted holiday in the DoPT lists, a closed holiday only in some years by separate order' },
  { cal: /^JP$/, side: 'ours', name: /^Year-end and New Year closure of government offices$/, reason: 'Act on Holidays of Administrative Organs (行政機関の休日に関する法律) art. 1: 29 December to 3 January' },
  { cal: /^JP$/, side: 'ours', name: /^Citizens' holiday/, reason: 'Act on National Holidays art. 3(3): a day between two holidays (2026-09-22)' },
  { cal: /^KR$/, side: 'ours', name: /election|Temporary holiday|temporary holiday|Labor Day|Chuseok/, reason: 'election days (Public Official Election Act art. 34), temporary holidays declared by the cabinet, Labor Day public from 2026 (Public Holidays Act amendment); Chuseok per KASI' },
  { cal: /^KR$/, side: 'lib', name: /^(추석|설날)$/, reason: 'date-holidays computes these lunar dates a day off in some years (KASI is the source)' },
  { cal: /^SG$/, side: 'ours', name: /./, years: Y(2026, 2035), reason: 'expected dates (marked estimated) from the MOM gazette pattern' },
  { cal: /^SG$/, side: 'lib', name: /./, years: Y(2026, 2035), reason: 'expected dates differ from ours' },
  { cal: /^SG$/, side: 'ours', name: /./, reason: "Ministry of Manpower's gazetted public holidays (Holidays Act s. 4: a holiday on a Sunday gives the Monday)" },
  { cal: /^TH$/, side: 'ours', name: /./, reason: "the Cabinet's resolution on the year's holidays (substitution days, special holidays) and the Buddhist lunar calendar of the Office of the Prime Minister" },
  { cal: /^TH$/, side: 'lib', name: /^(Asalha Puja|Makha Bucha)$/, reason: 'the Thai lunar calendar (Office of the Prime Minister) differs' },
  { cal: /^TR$/, side: 'lib', name: /^(Kurban|Ramazan) Bayramı$/, reason: "date-holidays counts the eve (arife), a half day from 13:00 (Law 2429 art. 2): not a closing day for a morning visit" },
  { cal: /^TW$/, side: 'lib', name: /^(中秋節|农历新年假期|農曆年初四)$/, reason: "the Directorate-General of Personnel Administration's calendar for the year" },
  { cal: /^TW$/, side: 'ours', name: /./, reason: "the Directorate-General of Personnel Administration's calendar for the year (observed days, bridge days) and the 2025 amendment of the Implementation Rules for Commemorative Days and Holidays" },
  { cal: /^VN$/, side: 'ours', name: /substitute day|^Tết \((fourth|fifth) day\)$|government arrangement|^National Day \(second day\)$/, reason: "Labour Code 2019 art. 112(1) (National Day and the day before or after, as the Prime Minister decides) and 112(3) (a holiday on a weekly rest day gives the next working day) and the Prime Minister's yearly notice of the Tết break and swapped days for civil servants (Bộ LĐTBXH)" },
  { cal: /^VN$/, side: 'lib', name: /./, years: Y(2026, 2035), reason: 'the Tết break is set each year by the Prime Minister: later years are expected dates (marked estimated)' },
]
