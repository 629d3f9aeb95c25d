"""The differences between our calendars and Debian's python3-holidays 0.10.1
(released in 2020, so without the holiday laws passed since) that were looked
into and resolved in favour of our data, each with its reason and the
official source (docs/holidays.md). A rule matches a calendar (`cal`, a
regular expression on the country or region), the side that has the day
(`ours` or `lib`), the day's name on that side, and optionally `years`,
`dates` or `sunday`. A rule that no longer matches is reported as not needed."""

ALLOW = [
    # --- everywhere
    dict(cal='.', side='lib', sunday=True, reason='a Sunday (python3-holidays lists every Sunday in NO and SE, and feasts that are always Sundays): only places open on Sundays could be closed by it'),
    dict(cal='.', side='ours', sunday=True, name=r'^(Easter Sunday|Whit Sunday|Ostersonntag|Pfingstsonntag|Orthodox Easter Sunday)$', reason='a Sunday feast the holiday law names (DE-BB/HE FTG, SI ZPDPD art. 2, GR)'),

    # --- Europe
    dict(cal='^AT', side='ours', name=r'\(Land holiday\)$', reason="the Länder's patron saints' days: Land offices and schools close (Landesgesetze)"),
    dict(cal='^BG$', side='lib', name='^Ден на народните будители$', reason='1 November is a day off for schools and universities only (Labour Code art. 154(1))'),
    dict(cal='^BG$', side='ours', name=r'\(substitute day\)$|^Orthodox Easter Monday$', reason='Labour Code art. 154(1) and (2): the Easter days, and the next working day for a holiday on a weekend'),
    dict(cal='^CH', side='lib', name='^(Berchtoldstag|Escalade de Genève|Karfreitag|Ostermontag|Pfingstmontag|Stephanstag|Tag der Arbeit)$', reason='not a holiday in that canton (or not in all of CH: listed per canton); the Escalade is a festival, not a day off (Geneva, Loi sur les jours fériés)'),
    dict(cal='^CH', side='ours', name="^(All Saints' Day|Assumption Day|Corpus Christi|Genevan Fast|Immaculate Conception|St Maurice's Day)$", reason='cantonal holiday laws (FR, AI, GE: Loi sur les jours fériés J 1 45) and the cantonal administrations\' calendars'),
    dict(cal='^DE', side='ours', name=r'^(75\. Jahrestag|80\. Jahrestag|Internationaler Frauentag)', reason='Berlin one-off holidays (GVBl. 2024, 2019) and Frauentag in BE (2019) and MV (2023): later than python3-holidays 0.10.1'),
    dict(cal='^DK$', side='lib', name='^(Palmesøndag|Store bededag)$', reason='Palm Sunday is a Sunday; Store bededag was abolished from 2024 (Lov nr. 1 af 28/02/2023)'),
    dict(cal='^DK$', side='ours', name='^(Christmas Eve|Constitution Day)$', reason='public offices close on Grundlovsdag and Juleaftensdag (Moderniseringsstyrelsen)'),
    dict(cal='^ES', side='lib', name='^(Día de Castilla - La Mancha|Día de Navarra|Día de la Montaña|Día del Páis Vasco|Jueves Santo|San Esteban|San José|San Juan)$', reason="python3-holidays 0.10.1's community days are rough (Castilla-La Mancha on 28 February, Cantabria's 'Día de la Montaña'); the BOE's yearly resolution of fiestas laborales is the source"),
    dict(cal='^ES', side='ours', name="^(Day of the Institutions of Cantabria|La Bien Aparecida|Day of Castile-La Mancha|Day of the Canary Islands|Galician Literature Day|St Francis Xavier's Day)$", reason="the community's decree of fiestas (BOE): 31 May (CM), 30 May (CN), 17 May (GA), 3 December (NC)"),
    dict(cal='^GB$', side='lib', name=r'\[(Northern Ireland|Scotland|England, Wales, Northern Ireland)\]|^Spring Bank Holiday$', reason='a day of one nation: listed under GB-ENG, GB-NIR, GB-SCT or GB-WLS; the 2022 spring bank holiday moved to 2 June (proclamation)'),
    dict(cal='^GB$', side='ours', name='coronation|Platinum Jubilee|State Funeral|^Spring bank holiday$', reason='royal proclamations under the Banking and Financial Dealings Act 1971: 2-3 June 2022, 19 September 2022, 8 May 2023'),
    dict(cal='^GR$', side='lib', name='Εργατική Πρωτομαγιά', years=[2024], reason='moved to 7 May 2024 (Ministry of Labour)'),
    dict(cal='^GR$', side='ours', name='^(Labour Day|Orthodox Good Friday|Orthodox Easter Sunday)$', reason='Labour Day moved to 7 May 2024; Good Friday is a day off for the public sector (Law 2323/1995 and the yearly circular)'),
    dict(cal='^HR$', side='lib', name='^(Dan državnosti|Dan neovisnosti)$', reason='the Holidays Act amendment of 2019 (NN 110/2019) moved Statehood Day to 30 May and dropped 8 October'),
    dict(cal='^HR$', side='ours', name='^(Remembrance Day|Statehood Day)$', reason='NN 110/2019: 30 May and 18 November from 2020'),
    dict(cal='^HU$', side='lib', name='pihenőnap|^Szenteste$|^Szilveszter$', reason="python3-holidays 0.10.1 guesses bridge days; ours are the NGM decrees' for each year; 24 and 31 December are working days by law"),
    dict(cal='^IE$', side='ours', name="^(St Brigid's Day|Day of remembrance and recognition)$", reason="Organisation of Working Time (Public Holiday) Regulations: St Brigid's Day from 2023; 18 March 2022 (S.I. 50/2022)"),
    dict(cal='^IL$', side='lib', name='Eve|Chol HaMoed|Hanukkah|Purim|Lag B|Memorial Day|^Independence Day', reason="eves are half days, the intermediate days and Hanukkah, Purim, Memorial Day no days off (Hours of Work and Rest Law, section 18A); Independence Day as moved by the government's decision" ),
    dict(cal='^IN$', side='lib', name='^(Labour Day|Makar Sankranti / Pongal)$', reason="not compulsory holidays of the central government's offices (DoPT)"),
    dict(cal='^IN$', side='ours', name='.', reason="the central government's compulsory holidays for its offices in Delhi (DoPT office memorandum each year)"),
    dict(cal='^JP$', side='ours', name=r"^Year-end and New Year closure|^Substitute holiday \(Emperor's Birthday\)$", reason="Act on Holidays of Administrative Organs art. 1 (29 December to 3 January); the Emperor's Birthday on 23 February since 2020, with its substitute" ),
    dict(cal='^IT$', side='ours', name="^St Francis of Assisi's Day$", reason='4 October a national holiday again from 2026 (law of October 2025)'),
    dict(cal='^LT$', side='ours', name="^All Souls' Day$", reason='Labour Code art. 123: 2 November since 2020'),
    dict(cal='^MX$', side='lib', name=r'Observed|Transmisión del Poder Ejecutivo Federal', reason='the Federal Labour Law (art. 74) moves no holiday off a weekend; the inauguration is on 1 October since 2024 (constitution art. 83)'),
    dict(cal='^MX$', side='ours', name='^Inauguration of the President$', reason='LFT art. 74 VIII: 1 October every six years'),
    dict(cal='^PL$', side='ours', name='^Christmas Eve$', reason='Act of 6 December 2024: 24 December a holiday from 2025'),
    dict(cal='^SG$', side='lib', name=r'estimated', reason="python3-holidays 0.10.1's estimates; ours follow the gazette (Ministry of Manpower)"),
    dict(cal='^SG$', side='ours', name='.', reason="the Ministry of Manpower's gazetted public holidays (Holidays Act; a holiday on a Sunday gives the Monday); polling days" ),
    dict(cal='^SK$', side='lib', name='.', years=list(range(2024, 2036)), reason='Act 385/2024: 1 September (from 2024), 8 May, 15 September and 17 November (from 2025, kept in 2025 only) no longer days off'),
    dict(cal='^US$', side='ours', name='Juneteenth|executive order|Jimmy Carter', reason='Juneteenth National Independence Day Act (2021); executive orders closing federal offices (OPM)'),
    dict(cal='^AU$', side='ours', name='Queen Elizabeth', reason='National Day of Mourning, 22 September 2022 (proclamation)'),
    dict(cal='^BR$', side='lib', name='^(Páscoa|Quarta-feira de cinzas)', reason='Easter is a Sunday; Ash Wednesday is a half day (ponto facultativo until 14:00)'),
    dict(cal='^BR$', side='ours', name='^(Black Consciousness Day|Carnival Monday)', reason='Law 14.759/2023 (20 November from 2024); Carnival Monday is a federal ponto facultativo (Portaria MGI)'),
    dict(cal='^CA$', side='lib', name='^(Boxing Day|Civic Holiday|Family Day|Thanksgiving|Victoria Day)|Observed', reason="not a holiday in every province: CA's regional days are not bundled (a place with a region gets a warning)"),
    dict(cal='^CA$', side='ours', name=r'\(observed\)$', reason='Canada Labour Code s. 195'),
]
