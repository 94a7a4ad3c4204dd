//! Realistic bilingual people: Chinese names (with pinyin for e-mail addresses), English names,
//! phone numbers and mailboxes.

use rand::Rng;
use rand::seq::IndexedRandom;

const SURNAMES: &[(&str, &str)] = &[
    ("王", "wang"),
    ("李", "li"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("黄", "huang"),
    ("赵", "zhao"),
    ("吴", "wu"),
    ("周", "zhou"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("马", "ma"),
    ("朱", "zhu"),
    ("胡", "hu"),
    ("郭", "guo"),
    ("何", "he"),
    ("林", "lin"),
    ("高", "gao"),
    ("罗", "luo"),
    ("郑", "zheng"),
    ("梁", "liang"),
    ("谢", "xie"),
    ("宋", "song"),
    ("唐", "tang"),
    ("许", "xu"),
    ("韩", "han"),
    ("冯", "feng"),
    ("邓", "deng"),
    ("曹", "cao"),
    ("彭", "peng"),
    ("曾", "zeng"),
    ("萧", "xiao"),
    ("田", "tian"),
    ("董", "dong"),
    ("潘", "pan"),
    ("袁", "yuan"),
    ("蔡", "cai"),
    ("蒋", "jiang"),
    ("余", "yu"),
];

const GIVEN: &[(&str, &str)] = &[
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀英", "xiuying"),
    ("华", "hua"),
    ("慧", "hui"),
    ("建国", "jianguo"),
    ("晓", "xiao"),
    ("婷", "ting"),
    ("雪", "xue"),
    ("浩", "hao"),
    ("宇", "yu"),
    ("欣怡", "xinyi"),
    ("子涵", "zihan"),
    ("梓轩", "zixuan"),
    ("佳", "jia"),
    ("雨", "yu"),
    ("鹏", "peng"),
    ("俊", "jun"),
    ("倩", "qian"),
    ("琳", "lin"),
    ("凯", "kai"),
    ("思远", "siyuan"),
];

const FIRST: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Susan",
    "Richard",
    "Jessica",
    "Joseph",
    "Sarah",
    "Thomas",
    "Karen",
    "Daniel",
    "Emily",
    "Matthew",
    "Olivia",
    "Anthony",
    "Sophia",
    "Mark",
    "Chloe",
    "Steven",
    "Grace",
    "Andrew",
    "Hannah",
    "Ethan",
    "Amelia",
    "Lucas",
    "Priya",
    "Arjun",
    "Siti",
    "Ahmad",
    "Mei",
    "Wei",
    "Hiroshi",
    "Yuki",
    "Min-jun",
    "Ji-woo",
    "Lucia",
    "Mateo",
    "Noah",
    "Ava",
];

const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Thompson",
    "White",
    "Harris",
    "Clark",
    "Lewis",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Nguyen",
    "Tan",
    "Lim",
    "Ng",
    "Wong",
    "Kumar",
    "Sharma",
    "Rahman",
    "Tanaka",
    "Sato",
    "Kim",
    "Park",
    "Fernandez",
    "Lopez",
];

const CN_MAIL: &[&str] = &["qq.com", "163.com", "126.com", "sina.com", "foxmail.com"];
const EN_MAIL: &[&str] = &[
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "icloud.com",
    "proton.me",
];

/// A generated person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Display name (`王伟`, `Emily Clark`).
    pub name: String,
    /// Whether the name is Chinese.
    pub chinese: bool,
    /// E-mail address.
    pub email: String,
    /// Mobile phone number.
    pub phone: String,
    /// A nickname as chat visitors get them.
    pub nick: String,
}

fn pick<'a, R: Rng>(rng: &mut R, items: &'a [&'a str]) -> &'a str {
    items.choose(rng).copied().unwrap_or_default()
}

fn pick_pair<R: Rng>(
    rng: &mut R,
    items: &[(&'static str, &'static str)],
) -> (&'static str, &'static str) {
    items.choose(rng).copied().unwrap_or(("", ""))
}

/// A Chinese person with a mainland mobile number.
pub fn chinese<R: Rng>(rng: &mut R) -> Person {
    let (surname, surname_py) = pick_pair(rng, SURNAMES);
    let (given, given_py) = pick_pair(rng, GIVEN);
    let (name, py) = if rng.random_bool(0.4) && given.chars().count() == 1 {
        let (second, second_py) = pick_pair(rng, GIVEN);
        (
            format!("{surname}{given}{second}"),
            format!("{surname_py}{given_py}{second_py}"),
        )
    } else {
        (
            format!("{surname}{given}"),
            format!("{surname_py}{given_py}"),
        )
    };
    let prefix = [
        "138", "139", "135", "136", "150", "186", "188", "177", "159", "131",
    ];
    let phone = format!(
        "{}{:08}",
        prefix.choose(rng).copied().unwrap_or("138"),
        rng.random_range(0..100_000_000u32)
    );
    let email = format!(
        "{py}{}@{}",
        rng.random_range(1..1000u32),
        pick(rng, CN_MAIL)
    );
    let nick = if rng.random_bool(0.3) {
        format!("访客{}", rng.random_range(10_000..100_000u32))
    } else {
        name.clone()
    };
    Person {
        name,
        chinese: true,
        email,
        phone,
        nick,
    }
}

/// An English-named person with an international number.
pub fn english<R: Rng>(rng: &mut R) -> Person {
    let first = pick(rng, FIRST);
    let last = pick(rng, LAST);
    let name = format!("{first} {last}");
    let phone = match rng.random_range(0..4u8) {
        0 => format!("+1415{:07}", rng.random_range(0..10_000_000u32)),
        1 => format!(
            "+65{}{:07}",
            rng.random_range(8..10u8),
            rng.random_range(0..10_000_000u32)
        ),
        2 => format!("+44 7{:09}", rng.random_range(0..1_000_000_000u32)),
        _ => format!("+6012{:07}", rng.random_range(0..10_000_000u32)),
    };
    let email = format!(
        "{}.{}{}@{}",
        first.to_ascii_lowercase().replace('-', ""),
        last.to_ascii_lowercase(),
        rng.random_range(1..100u32),
        pick(rng, EN_MAIL)
    );
    let nick = if rng.random_bool(0.3) {
        format!("Visitor {}", rng.random_range(10_000..100_000u32))
    } else {
        name.clone()
    };
    Person {
        name,
        chinese: false,
        email,
        phone,
        nick,
    }
}

/// A person who is Chinese with probability `chinese_share`.
pub fn person<R: Rng>(rng: &mut R, chinese_share: f64) -> Person {
    if rng.random_bool(chinese_share) {
        chinese(rng)
    } else {
        english(rng)
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    #[test]
    fn chinese_people_have_han_names_and_mainland_mobiles() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let person = chinese(&mut rng);
        assert!(person.chinese);
        assert!(
            person.name.chars().all(|c| !c.is_ascii()),
            "{}",
            person.name
        );
        assert_eq!(person.phone.len(), 11);
        assert!(person.phone.starts_with('1'));
        assert!(person.email.contains('@'));
    }

    #[test]
    fn english_people_have_latin_names() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let person = english(&mut rng);
        assert!(!person.chinese);
        assert!(person.name.contains(' '));
        assert!(person.phone.starts_with('+'));
    }

    #[test]
    fn the_same_seed_gives_the_same_people() {
        let a: Vec<Person> = {
            let mut rng = ChaCha8Rng::seed_from_u64(9);
            (0..20).map(|_| person(&mut rng, 0.5)).collect()
        };
        let b: Vec<Person> = {
            let mut rng = ChaCha8Rng::seed_from_u64(9);
            (0..20).map(|_| person(&mut rng, 0.5)).collect()
        };
        assert_eq!(a, b);
        assert!(a.iter().any(|p| p.chinese) && a.iter().any(|p| !p.chinese));
    }
}
