/**
 * Name material of the synthetic data: common given and family names by country of origin (public
 * knowledge, no register; a person is a random combination of a common given and a common family name,
 * never a real record), company name parts by occupational field, and the WZ 2008 section and chamber
 * that fit an occupation. The mix of origins is an assumption shaped after the main countries of origin
 * of young refugees in Germany (Syria, Afghanistan, Ukraine, Turkey, Iraq, Eritrea, …); EU origins are
 * drawn only for EU citizens (`eu`), the others for every other residence status.
 */

/** Given names (female, male) and family names of one origin, with its languages (ISO 639-1/-3). */
export interface NameSet {
  country: string;
  weight: number;
  /** An EU member state: drawn for EU citizens only. */
  eu?: boolean;
  languages: readonly string[];
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  /** Female forms of `family`, same order, where the language inflects family names (-ski/-ska). */
  femaleFamily?: readonly string[];
}

/** Origins with weights (assumption) and names. */
export const ORIGINS: readonly NameSet[] = [
  {
    country: 'SY',
    languages: ['ar'],
    weight: 26,
    female: [
      'Amal',
      'Rama',
      'Lina',
      'Nour',
      'Hiba',
      'Rasha',
      'Dalia',
      'Sidra',
      'Yara',
      'Batoul',
      'Raghad',
      'Heba',
    ],
    male: [
      'Mohammad',
      'Ahmad',
      'Omar',
      'Khaled',
      'Yousef',
      'Hamza',
      'Bilal',
      'Abdulrahman',
      'Mahmoud',
      'Anas',
      'Firas',
      'Rami',
    ],
    family: [
      'Al-Hassan',
      'Haddad',
      'Khalil',
      'Suleiman',
      'Al-Ahmad',
      'Darwish',
      'Hamdan',
      'Mansour',
      'Al-Khatib',
      'Shaker',
      'Najjar',
      'Al-Ali',
    ],
  },
  {
    country: 'AF',
    languages: ['fa', 'ps'],
    weight: 18,
    female: [
      'Mariam',
      'Zahra',
      'Fatima',
      'Nargis',
      'Parwana',
      'Shabnam',
      'Sahar',
      'Mina',
      'Madina',
      'Sodaba',
    ],
    male: [
      'Ali',
      'Mohammad Reza',
      'Ahmad Shah',
      'Mustafa',
      'Jawad',
      'Farid',
      'Sayed',
      'Hamid',
      'Nasir',
      'Wahid',
      'Elias',
      'Rahim',
    ],
    family: [
      'Ahmadi',
      'Hosseini',
      'Rahimi',
      'Karimi',
      'Sultani',
      'Noori',
      'Haidari',
      'Mohammadi',
      'Azizi',
      'Stanikzai',
      'Sharifi',
      'Nazari',
    ],
  },
  {
    country: 'UA',
    languages: ['uk', 'ru'],
    weight: 14,
    female: [
      'Olena',
      'Daria',
      'Sofiia',
      'Anastasiia',
      'Yuliia',
      'Kateryna',
      'Viktoriia',
      'Iryna',
      'Polina',
      'Khrystyna',
    ],
    male: [
      'Oleksandr',
      'Dmytro',
      'Maksym',
      'Andrii',
      'Artem',
      'Mykola',
      'Bohdan',
      'Yurii',
      'Taras',
      'Vladyslav',
    ],
    family: [
      'Kovalenko',
      'Bondarenko',
      'Tkachenko',
      'Shevchenko',
      'Melnyk',
      'Kravchenko',
      'Boiko',
      'Oliinyk',
      'Lysenko',
      'Savchenko',
    ],
  },
  {
    country: 'TR',
    languages: ['tr'],
    weight: 9,
    female: ['Elif', 'Zeynep', 'Ayşe', 'Merve', 'Büşra', 'Esra', 'Selin', 'Derya'],
    male: ['Emre', 'Mehmet', 'Mustafa', 'Burak', 'Can', 'Yusuf', 'Kerem', 'Serkan'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Aydın', 'Öztürk'],
  },
  {
    country: 'IQ',
    languages: ['ar', 'ku'],
    weight: 8,
    female: ['Zainab', 'Noor', 'Hawraa', 'Ruqaya', 'Shahad', 'Dilan', 'Berivan', 'Rozhin'],
    male: ['Hussein', 'Ali', 'Mustafa', 'Karwan', 'Dilshad', 'Saman', 'Haider', 'Murtada'],
    family: ['Al-Jubouri', 'Hassan', 'Aziz', 'Rashid', 'Kareem', 'Mahmoud', 'Qadir', 'Salih'],
  },
  {
    country: 'ER',
    languages: ['ti'],
    weight: 6,
    female: ['Helen', 'Senait', 'Rahel', 'Yodit', 'Mebrat', 'Saba', 'Luwam', 'Freweini'],
    male: ['Yonas', 'Dawit', 'Tesfay', 'Berhane', 'Samuel', 'Filmon', 'Mehari', 'Habtom'],
    family: ['Tesfamariam', 'Ghebremedhin', 'Haile', 'Kidane', 'Tekle', 'Woldemichael', 'Berhe', 'Gebru'],
  },
  {
    country: 'SO',
    languages: ['so'],
    weight: 4,
    female: ['Hodan', 'Fadumo', 'Ayaan', 'Sahra', 'Maryan', 'Hibo', 'Ifrah', 'Nasra'],
    male: ['Abdi', 'Mohamed', 'Ahmed', 'Abdullahi', 'Hassan', 'Ismail', 'Yusuf', 'Liban'],
    family: ['Abdi', 'Warsame', 'Farah', 'Hirsi', 'Osman', 'Jama', 'Ali', 'Nur'],
  },
  {
    country: 'GN',
    languages: ['fr', 'ff'],
    weight: 4,
    female: ['Mariama', 'Aissatou', 'Fatoumata', 'Kadiatou', 'Hawa', 'Djenabou', 'Aminata', 'Binta'],
    male: ['Mamadou', 'Alpha', 'Ibrahima', 'Ousmane', 'Abdoulaye', 'Sekou', 'Boubacar', 'Thierno'],
    family: ['Diallo', 'Barry', 'Bah', 'Camara', 'Sow', 'Keita', 'Conde', 'Sylla'],
  },
  {
    country: 'IR',
    languages: ['fa'],
    weight: 5,
    female: ['Niloufar', 'Shirin', 'Parisa', 'Yasaman', 'Ladan', 'Negin', 'Sara', 'Mahsa'],
    male: ['Reza', 'Amir', 'Arash', 'Behnam', 'Kian', 'Saeed', 'Navid', 'Pouya'],
    family: ['Rezaei', 'Moradi', 'Jafari', 'Ghasemi', 'Tehrani', 'Kazemi', 'Abbasi', 'Sadeghi'],
  },
  {
    country: 'RO',
    eu: true,
    languages: ['ro'],
    weight: 6,
    female: ['Andreea', 'Ioana', 'Maria', 'Elena', 'Alexandra', 'Bianca', 'Denisa', 'Raluca'],
    male: ['Andrei', 'Ionuț', 'Alexandru', 'Mihai', 'Florin', 'Gabriel', 'Cristian', 'Bogdan'],
    family: ['Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Constantin', 'Munteanu', 'Lungu', 'Marin'],
  },
  {
    country: 'BG',
    weight: 3,
    eu: true,
    languages: ['bg'],
    female: ['Maria', 'Ivana', 'Desislava', 'Gergana', 'Petya', 'Ralitsa', 'Viktoria', 'Nikol'],
    male: ['Georgi', 'Ivan', 'Dimitar', 'Nikolay', 'Martin', 'Kaloyan', 'Stoyan', 'Todor'],
    family: ['Ivanov', 'Georgiev', 'Dimitrov', 'Petrov', 'Nikolov', 'Stoyanov', 'Todorov', 'Kolev'],
    femaleFamily: [
      'Ivanova',
      'Georgieva',
      'Dimitrova',
      'Petrova',
      'Nikolova',
      'Stoyanova',
      'Todorova',
      'Koleva',
    ],
  },
  {
    country: 'PL',
    weight: 3,
    eu: true,
    languages: ['pl'],
    female: ['Zuzanna', 'Julia', 'Natalia', 'Wiktoria', 'Oliwia', 'Aleksandra', 'Kinga', 'Paulina'],
    male: ['Jakub', 'Kacper', 'Mateusz', 'Bartosz', 'Szymon', 'Michał', 'Dawid', 'Filip'],
    family: [
      'Nowak',
      'Wiśniewski',
      'Wójcik',
      'Kamiński',
      'Lewandowski',
      'Zieliński',
      'Szymański',
      'Dąbrowski',
    ],
    femaleFamily: [
      'Nowak',
      'Wiśniewska',
      'Wójcik',
      'Kamińska',
      'Lewandowska',
      'Zielińska',
      'Szymańska',
      'Dąbrowska',
    ],
  },
];

/** German family names for company names. */
export const COMPANY_FAMILY_NAMES: readonly string[] = [
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Braun',
  'Zimmermann',
  'Krüger',
  'Hartmann',
  'Lange',
  'Werner',
  'Krause',
  'Yilmaz',
  'Kaya',
  'Nowak',
  'Kowalski',
  'Haddad',
  'Petrović',
];

/** Business-name words by occupational field (`occupations.json` `field`); `*` for any other field. */
export const COMPANY_WORDS: Readonly<Record<string, readonly string[]>> = {
  Fahrzeugtechnik: ['Autohaus', 'Kfz-Werkstatt', 'Autoservice'],
  Handel: ['Handelshaus', 'Markt', 'Warenhaus'],
  'Büro und Wirtschaft': ['Consulting', 'Verwaltung', 'Dienstleistungen'],
  IT: ['IT-Systemhaus', 'Software', 'Digital'],
  Gesundheit: ['Praxis Dr.', 'Gemeinschaftspraxis', 'Zahnarztpraxis Dr.'],
  Elektro: ['Elektrotechnik', 'Elektro', 'Energietechnik'],
  Gebäudetechnik: ['Haustechnik', 'Sanitär und Heizung', 'Gebäudetechnik'],
  Metall: ['Metallbau', 'Maschinenbau', 'Präzisionsteile'],
  'Gastronomie und Hotel': ['Hotel', 'Restaurant', 'Gasthaus'],
  Lebensmittel: ['Bäckerei', 'Metzgerei', 'Konditorei'],
  Bau: ['Bauunternehmung', 'Hochbau', 'Tiefbau'],
  Ausbau: ['Malerbetrieb', 'Ausbau', 'Innenausbau'],
  Holz: ['Schreinerei', 'Tischlerei', 'Holzbau'],
  'Verkehr und Logistik': ['Logistik', 'Spedition', 'Transporte'],
  Körperpflege: ['Friseursalon', 'Salon', 'Kosmetikstudio'],
  '*': ['Betrieb', 'Werkstatt', 'Service'],
};

/** Legal forms for company names (assumption). */
export const LEGAL_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['GmbH', 50],
  ['e. K.', 20],
  ['GmbH & Co. KG', 15],
  ['', 10],
  ['AG', 5],
];

/** WZ 2008 section of a company by its main occupation's field (approximate; default C, manufacturing). */
export const SECTOR_BY_FIELD: Readonly<Record<string, string>> = {
  Handel: 'G',
  'Gastronomie und Hotel': 'I',
  Bau: 'F',
  Ausbau: 'F',
  Gebäudetechnik: 'F',
  IT: 'J',
  'Medien und Druck': 'J',
  'Finanzen und Versicherungen': 'K',
  Gesundheit: 'Q',
  'Öffentlicher Dienst': 'O',
  'Verkehr und Logistik': 'H',
  Landwirtschaft: 'A',
  'Garten und Forst': 'A',
  Tiere: 'A',
  'Recht und Steuern': 'M',
  'Büro und Wirtschaft': 'N',
  Körperpflege: 'S',
  Reinigung: 'N',
  Fahrzeugtechnik: 'G',
};

/**
 * Chamber code of companies (`ZChamber` of contracts/companies.enums) for an occupation's competent body
 * (`chamber` of occupations.json: IHK, HWK, LWK, FB = liberal professions, OED = public service, OTHER).
 * Liberal professions are resolved by the occupation id (doctors, dentists, vets, lawyers, tax advisers,
 * pharmacists).
 */
export function chamberCode(chamber: string, occupationId: string): string {
  switch (chamber) {
    case 'IHK':
      return 'ihk';
    case 'HWK':
      return 'hwk';
    case 'LWK':
      return 'lwk';
    case 'OED':
      return 'public_service';
    case 'FB':
      if (occupationId.startsWith('zahnmed')) return 'zak';
      if (occupationId.startsWith('tiermed')) return 'tak';
      if (occupationId.startsWith('steuer')) return 'stbk';
      if (occupationId.startsWith('rechtsanw') || occupationId.startsWith('notar')) return 'rak';
      if (occupationId.startsWith('pharma')) return 'apk';
      return 'aek';
    default:
      return 'other';
  }
}
