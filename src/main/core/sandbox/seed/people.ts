// Realistic demo people: countries with their codes, phone prefixes, cities (with a Kartra time zone), streets
// and common given/family names. Weights shape the mix of a typical English-language Kartra account.

export interface Place {
  city: string;
  state: string;
  /** `#` = a random digit, `A` = a random capital letter. */
  zip: string;
  tz: string;
}

export interface CountryData {
  name: string;
  iso2: string;
  iso3: string;
  phone: string;
  phoneDigits: number;
  weight: number;
  numberFirst: boolean;
  places: Place[];
  streets: string[];
  first: string[];
  last: string[];
}

const place = (city: string, state: string, zip: string, tz: string): Place => ({ city, state, zip, tz });
const words = (s: string) => s.split(',').map((w) => w.trim());

export const COUNTRIES: CountryData[] = [
  {
    name: 'United States', iso2: 'US', iso3: 'USA', phone: '1', phoneDigits: 10, weight: 70, numberFirst: true,
    places: [
      place('Austin', 'TX', '787##', 'America/Chicago'), place('Denver', 'CO', '802##', 'America/Phoenix'),
      place('Portland', 'OR', '972##', 'America/Los_Angeles'), place('Raleigh', 'NC', '276##', 'America/New_York'),
      place('Boise', 'ID', '837##', 'America/Boise'), place('Chicago', 'IL', '606##', 'America/Chicago'),
      place('San Diego', 'CA', '921##', 'America/Los_Angeles'), place('Brooklyn', 'NY', '112##', 'America/New_York'),
      place('Phoenix', 'AZ', '850##', 'America/Phoenix'), place('Indianapolis', 'IN', '462##', 'America/Indiana/Indianapolis'),
      place('Honolulu', 'HI', '968##', 'Pacific/Honolulu'), place('Juneau', 'AK', '998##', 'America/Juneau'),
    ],
    streets: words('Maple Avenue, Oak Street, Cedar Lane, Willow Drive, Lincoln Boulevard, Park Place'),
    first: words('James, Olivia, Michael, Emma, Daniel, Sophia, Tyler, Ashley, Marcus, Jasmine, Kevin, Megan, Brandon, Hannah'),
    last: words('Johnson, Williams, Brown, Miller, Davis, Garcia, Rodriguez, Wilson, Anderson, Thompson, Moore, Jackson'),
  },
  {
    name: 'Canada', iso2: 'CA', iso3: 'CAN', phone: '1', phoneDigits: 10, weight: 16, numberFirst: true,
    places: [
      place('Toronto', 'ON', 'M#A #A#', 'America/New_York'), place('Vancouver', 'BC', 'V#A #A#', 'America/Los_Angeles'),
      place('Regina', 'SK', 'S#A #A#', 'America/Regina'), place('Halifax', 'NS', 'B#A #A#', 'America/Glace_Bay'),
      place("St. John's", 'NL', 'A#A #A#', 'America/St_Johns'),
    ],
    streets: words('King Street West, Granville Street, Queen Street, Spring Garden Road'),
    first: words('Liam, Chloe, Ethan, Maya, Noah, Zoe, Owen, Avery'),
    last: words('Tremblay, Roy, Gagnon, MacDonald, Campbell, Leblanc, Bouchard, Stewart'),
  },
  {
    name: 'United Kingdom', iso2: 'GB', iso3: 'GBR', phone: '44', phoneDigits: 10, weight: 22, numberFirst: true,
    places: [
      place('Manchester', 'Greater Manchester', 'M# #AA', 'Europe/London'), place('Bristol', 'Bristol', 'BS# #AA', 'Europe/London'),
      place('Leeds', 'West Yorkshire', 'LS# #AA', 'Europe/London'), place('Edinburgh', 'Scotland', 'EH# #AA', 'Europe/London'),
    ],
    streets: words('High Street, Station Road, Church Lane, Victoria Road'),
    first: words('Oliver, Amelia, Harry, Isla, George, Poppy, Jack, Freya, Charlotte, Alfie'),
    last: words('Smith, Jones, Taylor, Evans, Hughes, Wright, Walker, Robinson, Clarke, Hall'),
  },
  {
    name: 'Ireland', iso2: 'IE', iso3: 'IRL', phone: '353', phoneDigits: 9, weight: 5, numberFirst: true,
    places: [place('Dublin', 'Leinster', 'D## A#A#', 'Europe/London'), place('Cork', 'Munster', 'T## A#A#', 'Europe/London')],
    streets: words('Grafton Street, Patrick Street, Main Street'),
    first: words('Seán, Aoife, Cian, Niamh, Conor, Saoirse'),
    last: words("Murphy, Kelly, O'Sullivan, Walsh, Byrne, Ryan"),
  },
  {
    name: 'Australia', iso2: 'AU', iso3: 'AUS', phone: '61', phoneDigits: 9, weight: 16, numberFirst: true,
    places: [
      place('Sydney', 'NSW', '2###', 'Australia/Sydney'), place('Melbourne', 'VIC', '3###', 'Australia/Sydney'),
      place('Brisbane', 'QLD', '4###', 'Australia/Brisbane'), place('Perth', 'WA', '6###', 'Australia/Perth'),
      place('Adelaide', 'SA', '5###', 'Australia/Adelaide'), place('Hobart', 'TAS', '7###', 'Australia/Hobart'),
      place('Darwin', 'NT', '08##', 'Australia/Darwin'),
    ],
    streets: words('George Street, Collins Street, Queen Street, Hay Street'),
    first: words('Jack, Charlotte, William, Mia, Lachlan, Matilda, Cooper, Ruby'),
    last: words('Smith, Nguyen, Kelly, Mitchell, Harris, Martin, Clarke, Thomson'),
  },
  {
    name: 'New Zealand', iso2: 'NZ', iso3: 'NZL', phone: '64', phoneDigits: 9, weight: 4, numberFirst: true,
    places: [place('Auckland', 'Auckland', '10##', 'Pacific/Auckland'), place('Wellington', 'Wellington', '60##', 'Pacific/Auckland')],
    streets: words('Queen Street, Lambton Quay, Ponsonby Road'),
    first: words('Mason, Isla, Nikau, Aroha, Hunter, Manaia'),
    last: words('Ngata, Wilson, Te Whare, Campbell, Parata, Young'),
  },
  {
    name: 'Germany', iso2: 'DE', iso3: 'DEU', phone: '49', phoneDigits: 11, weight: 10, numberFirst: false,
    places: [
      place('Berlin', 'Berlin', '10###', 'Europe/Amsterdam'), place('Hamburg', 'Hamburg', '20###', 'Europe/Amsterdam'),
      place('München', 'Bayern', '80###', 'Europe/Amsterdam'), place('Köln', 'Nordrhein-Westfalen', '50###', 'Europe/Amsterdam'),
    ],
    streets: words('Hauptstraße, Bahnhofstraße, Gartenstraße, Schillerstraße'),
    first: words('Lukas, Anna, Felix, Lea, Jonas, Sophie, Maximilian, Marie, Jürgen, Katrin'),
    last: words('Müller, Schmidt, Schneider, Fischer, Weber, Wagner, Becker, Hoffmann, Schäfer, Koch'),
  },
  {
    name: 'France', iso2: 'FR', iso3: 'FRA', phone: '33', phoneDigits: 9, weight: 8, numberFirst: true,
    places: [place('Paris', 'Île-de-France', '750##', 'Europe/Brussels'), place('Lyon', 'Auvergne-Rhône-Alpes', '6900#', 'Europe/Brussels'), place('Bordeaux', 'Nouvelle-Aquitaine', '330##', 'Europe/Brussels')],
    streets: words('rue de la République, avenue Victor Hugo, rue Pasteur, boulevard Voltaire'),
    first: words('Louis, Camille, Hugo, Léa, Gabriel, Chloé, Arthur, Manon'),
    last: words('Martin, Bernard, Dubois, Lefèvre, Moreau, Laurent, Girard, Rousseau'),
  },
  {
    name: 'Spain', iso2: 'ES', iso3: 'ESP', phone: '34', phoneDigits: 9, weight: 7, numberFirst: false,
    places: [place('Madrid', 'Madrid', '280##', 'Europe/Brussels'), place('Barcelona', 'Cataluña', '080##', 'Europe/Brussels'), place('Las Palmas', 'Canarias', '350##', 'Atlantic/Canary')],
    streets: words('Calle Mayor, Avenida de la Constitución, Calle del Sol'),
    first: words('Alejandro, Lucía, Pablo, Martina, Javier, Carmen, Sergio, Paula'),
    last: words('García, Fernández, López, Martínez, Sánchez, Pérez, Gómez, Ruiz'),
  },
  {
    name: 'Italy', iso2: 'IT', iso3: 'ITA', phone: '39', phoneDigits: 10, weight: 6, numberFirst: false,
    places: [place('Milano', 'Lombardia', '201##', 'Europe/Amsterdam'), place('Roma', 'Lazio', '001##', 'Europe/Amsterdam'), place('Bologna', 'Emilia-Romagna', '401##', 'Europe/Amsterdam')],
    streets: words('Via Roma, Corso Italia, Via Garibaldi'),
    first: words('Francesco, Giulia, Alessandro, Sofia, Lorenzo, Chiara, Matteo, Elena'),
    last: words('Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci'),
  },
  {
    name: 'Netherlands', iso2: 'NL', iso3: 'NLD', phone: '31', phoneDigits: 9, weight: 5, numberFirst: false,
    places: [place('Amsterdam', 'Noord-Holland', '10## AA', 'Europe/Amsterdam'), place('Utrecht', 'Utrecht', '35## AA', 'Europe/Amsterdam')],
    streets: words('Prinsengracht, Kerkstraat, Stationsweg'),
    first: words('Daan, Emma, Sem, Julia, Lars, Fenna'),
    last: words('de Jong, Jansen, de Vries, van den Berg, Bakker, Visser'),
  },
  {
    name: 'Sweden', iso2: 'SE', iso3: 'SWE', phone: '46', phoneDigits: 9, weight: 4, numberFirst: false,
    places: [place('Stockholm', 'Stockholms län', '1## ##', 'Europe/Amsterdam'), place('Göteborg', 'Västra Götaland', '4## ##', 'Europe/Amsterdam')],
    streets: words('Drottninggatan, Storgatan, Kungsgatan'),
    first: words('Erik, Astrid, Oscar, Ebba, Hugo, Saga'),
    last: words('Andersson, Johansson, Karlsson, Nilsson, Eriksson, Lindqvist'),
  },
  {
    name: 'Poland', iso2: 'PL', iso3: 'POL', phone: '48', phoneDigits: 9, weight: 4, numberFirst: false,
    places: [place('Warszawa', 'Mazowieckie', '0#-###', 'Europe/Sarajevo'), place('Kraków', 'Małopolskie', '3#-###', 'Europe/Sarajevo')],
    streets: words('ulica Marszałkowska, ulica Floriańska, ulica Długa'),
    first: words('Jakub, Zuzanna, Kacper, Julia, Mateusz, Aleksandra'),
    last: words('Nowak, Kowalski, Wiśniewski, Wójcik, Kamińska, Lewandowska'),
  },
  {
    name: 'Czechia', iso2: 'CZ', iso3: 'CZE', phone: '420', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('Praha', 'Hlavní město Praha', '1## ##', 'Europe/Belgrade'), place('Brno', 'Jihomoravský kraj', '6## ##', 'Europe/Belgrade')],
    streets: words('Národní, Masarykova, Vodičkova'),
    first: words('Jan, Tereza, Tomáš, Eliška, Petr, Klára'),
    last: words('Novák, Svoboda, Dvořák, Černá, Procházková, Veselý'),
  },
  {
    name: 'Greece', iso2: 'GR', iso3: 'GRC', phone: '30', phoneDigits: 10, weight: 2, numberFirst: false,
    places: [place('Athens', 'Attica', '10# ##', 'Europe/Athens'), place('Thessaloniki', 'Central Macedonia', '54# ##', 'Europe/Athens')],
    streets: words('Ermou, Tsimiski, Panepistimiou'),
    first: words('Giorgos, Maria, Nikos, Eleni, Dimitris, Katerina'),
    last: words('Papadopoulos, Georgiou, Nikolaou, Papadaki, Ioannou, Vlachos'),
  },
  {
    name: 'Finland', iso2: 'FI', iso3: 'FIN', phone: '358', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('Helsinki', 'Uusimaa', '00###', 'Europe/Helsinki'), place('Tampere', 'Pirkanmaa', '33###', 'Europe/Helsinki')],
    streets: words('Mannerheimintie, Hämeenkatu, Aleksanterinkatu'),
    first: words('Mikko, Aino, Juho, Venla, Eetu, Helmi'),
    last: words('Korhonen, Virtanen, Mäkinen, Nieminen, Laine, Heikkinen'),
  },
  {
    name: 'Romania', iso2: 'RO', iso3: 'ROU', phone: '40', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('București', 'București', '0#####', 'Europe/Bucharest'), place('Cluj-Napoca', 'Cluj', '400###', 'Europe/Bucharest')],
    streets: words('Calea Victoriei, Strada Memorandumului, Bulevardul Eroilor'),
    first: words('Andrei, Ioana, Mihai, Elena, Alexandru, Ana'),
    last: words('Popescu, Ionescu, Popa, Stan, Dumitrescu, Constantin'),
  },
  {
    name: 'Portugal', iso2: 'PT', iso3: 'PRT', phone: '351', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('Lisboa', 'Lisboa', '1###-###', 'Europe/London'), place('Ponta Delgada', 'Açores', '9500-###', 'Atlantic/Azores')],
    streets: words('Rua Augusta, Avenida da Liberdade, Rua do Carmo'),
    first: words('João, Beatriz, Tiago, Inês, Rodrigo, Mariana'),
    last: words('Silva, Santos, Ferreira, Pereira, Oliveira, Costa'),
  },
  {
    name: 'Brazil', iso2: 'BR', iso3: 'BRA', phone: '55', phoneDigits: 11, weight: 7, numberFirst: false,
    places: [place('São Paulo', 'SP', '0####-###', 'America/Sao_Paulo'), place('Rio de Janeiro', 'RJ', '2####-###', 'America/Sao_Paulo'), place('Belo Horizonte', 'MG', '3####-###', 'America/Sao_Paulo')],
    streets: words('Avenida Paulista, Rua Oscar Freire, Rua das Flores'),
    first: words('Lucas, Ana, Gabriel, Beatriz, Rafael, Larissa, Thiago, Camila'),
    last: words('Silva, Souza, Oliveira, Lima, Carvalho, Almeida, Ribeiro, Barbosa'),
  },
  {
    name: 'Mexico', iso2: 'MX', iso3: 'MEX', phone: '52', phoneDigits: 10, weight: 5, numberFirst: false,
    places: [place('Ciudad de México', 'CDMX', '0####', 'America/Mexico_City'), place('Guadalajara', 'Jalisco', '44###', 'America/Mexico_City'), place('Chihuahua', 'Chihuahua', '31###', 'America/Chihuahua')],
    streets: words('Avenida Reforma, Calle Madero, Avenida Juárez'),
    first: words('Diego, Valentina, Santiago, Regina, Emiliano, Ximena'),
    last: words('Hernández, González, Ramírez, Flores, Torres, Vázquez'),
  },
  {
    name: 'Argentina', iso2: 'AR', iso3: 'ARG', phone: '54', phoneDigits: 10, weight: 3, numberFirst: false,
    places: [place('Buenos Aires', 'CABA', 'C1###AAA', 'America/Argentina/Buenos_Aires'), place('Córdoba', 'Córdoba', 'X5###AAA', 'America/Argentina/Buenos_Aires')],
    streets: words('Avenida Corrientes, Calle Florida, Avenida Santa Fe'),
    first: words('Mateo, Sofía, Joaquín, Catalina, Tomás, Florencia'),
    last: words('González, Rodríguez, Fernández, Gómez, Díaz, Álvarez'),
  },
  {
    name: 'Colombia', iso2: 'CO', iso3: 'COL', phone: '57', phoneDigits: 10, weight: 3, numberFirst: false,
    places: [place('Bogotá', 'Cundinamarca', '110###', 'America/Bogota'), place('Medellín', 'Antioquia', '050###', 'America/Bogota')],
    streets: words('Carrera Séptima, Calle 85, Avenida El Poblado'),
    first: words('Samuel, Mariana, Juan Pablo, Isabella, Andrés, Daniela'),
    last: words('Rodríguez, Martínez, Castro, Ortiz, Restrepo, Vargas'),
  },
  {
    name: 'Chile', iso2: 'CL', iso3: 'CHL', phone: '56', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('Santiago', 'Región Metropolitana', '75#####', 'America/Santiago')],
    streets: words('Avenida Providencia, Calle Huérfanos'),
    first: words('Benjamín, Agustina, Vicente, Antonia'),
    last: words('Muñoz, Rojas, Soto, Contreras'),
  },
  {
    name: 'India', iso2: 'IN', iso3: 'IND', phone: '91', phoneDigits: 10, weight: 9, numberFirst: true,
    places: [place('Bengaluru', 'Karnataka', '560###', 'Asia/Kolkata'), place('Mumbai', 'Maharashtra', '400###', 'Asia/Kolkata'), place('Pune', 'Maharashtra', '411###', 'Asia/Kolkata'), place('New Delhi', 'Delhi', '110###', 'Asia/Kolkata')],
    streets: words('MG Road, Linking Road, FC Road, Residency Road'),
    first: words('Aarav, Priya, Rohan, Ananya, Vikram, Kavya, Arjun, Sneha'),
    last: words('Sharma, Patel, Iyer, Reddy, Gupta, Nair, Mehta, Kapoor'),
  },
  {
    name: 'Pakistan', iso2: 'PK', iso3: 'PAK', phone: '92', phoneDigits: 10, weight: 2, numberFirst: true,
    places: [place('Karachi', 'Sindh', '7####', 'Asia/Karachi'), place('Lahore', 'Punjab', '54###', 'Asia/Karachi')],
    streets: words('Shahrah-e-Faisal, Mall Road, Zamzama Boulevard'),
    first: words('Ahmed, Ayesha, Bilal, Fatima, Hamza, Zainab'),
    last: words('Khan, Qureshi, Siddiqui, Malik, Chaudhry, Sheikh'),
  },
  {
    name: 'Singapore', iso2: 'SG', iso3: 'SGP', phone: '65', phoneDigits: 8, weight: 3, numberFirst: true,
    places: [place('Singapore', '', '######', 'Asia/Kuala_Lumpur')],
    streets: words('Orchard Road, Tanjong Pagar Road, Bukit Timah Road'),
    first: words('Wei Ling, Jun Jie, Hui Min, Marcus, Shu Fen, Darren'),
    last: words('Tan, Lim, Lee, Ng, Ong, Wong'),
  },
  {
    name: 'Philippines', iso2: 'PH', iso3: 'PHL', phone: '63', phoneDigits: 10, weight: 4, numberFirst: true,
    places: [place('Makati', 'Metro Manila', '12##', 'Asia/Kuala_Lumpur'), place('Cebu City', 'Cebu', '60##', 'Asia/Kuala_Lumpur')],
    streets: words('Ayala Avenue, Osmeña Boulevard, Jupiter Street'),
    first: words('Miguel, Angelica, Paolo, Kristine, Carlo, Patricia'),
    last: words('Santos, Reyes, Cruz, Bautista, Villanueva, Mendoza'),
  },
  {
    name: 'Japan', iso2: 'JP', iso3: 'JPN', phone: '81', phoneDigits: 10, weight: 3, numberFirst: false,
    places: [place('Tokyo', 'Tokyo', '1##-####', 'Asia/Tokyo'), place('Osaka', 'Osaka', '5##-####', 'Asia/Tokyo')],
    streets: words('Shibuya 2-chome, Umeda 1-chome, Ginza 4-chome'),
    first: words('Haruto, Yui, Sota, Hina, Ren, Aoi'),
    last: words('Sato, Suzuki, Takahashi, Tanaka, Watanabe, Yamamoto'),
  },
  {
    name: 'South Korea', iso2: 'KR', iso3: 'KOR', phone: '82', phoneDigits: 10, weight: 2, numberFirst: false,
    places: [place('Seoul', 'Seoul', '0####', 'Asia/Seoul'), place('Busan', 'Busan', '4####', 'Asia/Seoul')],
    streets: words('Teheran-ro, Gangnam-daero, Haeundae-ro'),
    first: words('Min-jun, Seo-yeon, Ji-ho, Ha-eun, Do-yun, Ji-woo'),
    last: words('Kim, Lee, Park, Choi, Jung, Kang'),
  },
  {
    name: 'Taiwan', iso2: 'TW', iso3: 'TWN', phone: '886', phoneDigits: 9, weight: 1, numberFirst: false,
    places: [place('Taipei', 'Taipei City', '1##', 'Asia/Taipei')],
    streets: words('Zhongxiao East Road, Dunhua South Road'),
    first: words('Yu-ting, Chih-hao, Pei-shan, Wei-lun'),
    last: words('Chen, Lin, Huang, Chang'),
  },
  {
    name: 'China', iso2: 'CN', iso3: 'CHN', phone: '86', phoneDigits: 11, weight: 1, numberFirst: false,
    places: [place('Shanghai', 'Shanghai', '200###', 'Asia/Shanghai'), place('Shenzhen', 'Guangdong', '518###', 'Asia/Shanghai')],
    streets: words('Nanjing Road, Shennan Avenue'),
    first: words('Wei, Fang, Hao, Jing'),
    last: words('Wang, Li, Zhang, Liu'),
  },
  {
    name: 'Thailand', iso2: 'TH', iso3: 'THA', phone: '66', phoneDigits: 9, weight: 2, numberFirst: true,
    places: [place('Bangkok', 'Bangkok', '10###', 'Asia/Bangkok'), place('Chiang Mai', 'Chiang Mai', '50###', 'Asia/Bangkok')],
    streets: words('Sukhumvit Road, Silom Road, Nimmanhaemin Road'),
    first: words('Somchai, Nattaya, Anan, Siriporn, Kittisak, Pimchanok'),
    last: words('Saetang, Wongsawat, Chaiyaporn, Srisuk, Boonmee, Rattanakorn'),
  },
  {
    name: 'United Arab Emirates', iso2: 'AE', iso3: 'ARE', phone: '971', phoneDigits: 9, weight: 3, numberFirst: true,
    places: [place('Dubai', 'Dubai', '', 'Asia/Dubai'), place('Abu Dhabi', 'Abu Dhabi', '', 'Asia/Dubai')],
    streets: words('Sheikh Zayed Road, Al Wasl Road, Corniche Road'),
    first: words('Omar, Mariam, Khalid, Noor, Yousef, Layla'),
    last: words('Al Mansoori, Al Hashimi, Haddad, Nasser, Al Falasi, Saleh'),
  },
  {
    name: 'Saudi Arabia', iso2: 'SA', iso3: 'SAU', phone: '966', phoneDigits: 9, weight: 1, numberFirst: true,
    places: [place('Riyadh', 'Riyadh', '1####', 'Asia/Kuwait')],
    streets: words('King Fahd Road, Olaya Street'),
    first: words('Abdullah, Sara, Faisal, Reem'),
    last: words('Al Otaibi, Al Qahtani, Al Ghamdi, Al Harbi'),
  },
  {
    name: 'Israel', iso2: 'IL', iso3: 'ISR', phone: '972', phoneDigits: 9, weight: 2, numberFirst: false,
    places: [place('Tel Aviv', 'Tel Aviv', '6######', 'Asia/Jerusalem'), place('Haifa', 'Haifa', '3######', 'Asia/Jerusalem')],
    streets: words('Rothschild Boulevard, Dizengoff Street, HaNassi Avenue'),
    first: words('Noa, Itai, Tamar, Yonatan, Maya, Omer'),
    last: words('Cohen, Levi, Mizrahi, Peretz, Biton, Friedman'),
  },
  {
    name: 'Egypt', iso2: 'EG', iso3: 'EGY', phone: '20', phoneDigits: 10, weight: 2, numberFirst: true,
    places: [place('Cairo', 'Cairo', '11###', 'Africa/Cairo'), place('Alexandria', 'Alexandria', '21###', 'Africa/Cairo')],
    streets: words('Tahrir Street, Corniche El Nil, Talaat Harb Street'),
    first: words('Mohamed, Nour, Karim, Salma, Youssef, Habiba'),
    last: words('Hassan, Mostafa, Ibrahim, Abdelrahman, Farouk, Mansour'),
  },
  {
    name: 'Morocco', iso2: 'MA', iso3: 'MAR', phone: '212', phoneDigits: 9, weight: 1, numberFirst: true,
    places: [place('Casablanca', 'Casablanca-Settat', '20###', 'Africa/Casablanca')],
    streets: words('Boulevard Mohammed V, Rue Tahar Sebti'),
    first: words('Yassine, Salma, Amine, Imane'),
    last: words('El Amrani, Benali, Alaoui, Idrissi'),
  },
  {
    name: 'Nigeria', iso2: 'NG', iso3: 'NGA', phone: '234', phoneDigits: 10, weight: 4, numberFirst: true,
    places: [place('Lagos', 'Lagos', '100###', 'Africa/Algiers'), place('Abuja', 'FCT', '900###', 'Africa/Algiers')],
    streets: words('Awolowo Road, Adeola Odeku Street, Aminu Kano Crescent'),
    first: words('Chinedu, Ngozi, Tunde, Funmilayo, Emeka, Aisha'),
    last: words('Okafor, Adeyemi, Balogun, Eze, Okonkwo, Bello'),
  },
  {
    name: 'Kenya', iso2: 'KE', iso3: 'KEN', phone: '254', phoneDigits: 9, weight: 3, numberFirst: true,
    places: [place('Nairobi', 'Nairobi County', '00###', 'Africa/Nairobi'), place('Mombasa', 'Mombasa County', '80###', 'Africa/Nairobi')],
    streets: words('Kenyatta Avenue, Moi Avenue, Ngong Road'),
    first: words('Brian, Wanjiru, Kevin, Achieng, Dennis, Faith'),
    last: words('Otieno, Mwangi, Kamau, Njoroge, Wanjiku, Ochieng'),
  },
  {
    name: 'South Africa', iso2: 'ZA', iso3: 'ZAF', phone: '27', phoneDigits: 9, weight: 4, numberFirst: true,
    places: [place('Cape Town', 'Western Cape', '8###', 'Africa/Harare'), place('Johannesburg', 'Gauteng', '2###', 'Africa/Harare')],
    streets: words('Long Street, Jan Smuts Avenue, Kloof Street'),
    first: words('Thabo, Lerato, Sipho, Naledi, Pieter, Anneke'),
    last: words('Nkosi, Dlamini, van der Merwe, Botha, Mokoena, Naidoo'),
  },
];

const BY_NAME = new Map(COUNTRIES.map((c) => [c.name.toLowerCase(), c]));

/** ISO codes of a country name, for get_transaction_details (empty when unknown). */
export function countryCodes(name: string): { iso2: string; iso3: string } {
  const c = BY_NAME.get(name.trim().toLowerCase());
  return c ? { iso2: c.iso2, iso3: c.iso3 } : { iso2: '', iso3: '' };
}

/** Companies leads work for (fictional). */
export const COMPANIES = words(
  'Brightside Bakery, Northwind Outfitters, Harbor & Pine Studio, Summit Peak Coaching, Bluebird Analytics, ' +
    'Copperleaf Interiors, Evergreen Wellness, Fieldstone Legal, Lighthouse Dental, Maple Grove Realty, ' +
    'Nimbus Software, Oakridge Fitness, Paper Crane Design, Redwood Consulting, Silver Lining Events, ' +
    'Tidewater Yoga, Urban Sprout Farms, Velvet Fox Boutique, Westbrook Accounting, Yellowstone Photography, ' +
    'Kite & Key Marketing, Atlas Tutoring, Bramble Skincare, Cobalt Web Works, Driftwood Travel, ' +
    'Ember Coffee Roasters, Foxglove Florist, Granite Ridge Builders, Honeycomb Kids Club, Ironwood Garage',
);

/** Non-deliverable demo domains (RFC 2606 reserves example.*), so no real mailbox is ever addressed. */
export const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example.com', 'inbox.example.org'];
