/**
 * The most common passwords (from the published top lists of leaked passwords, with the ones
 * Chinese shoppers use most: 5201314, woaini1314, qq123456…), lower-cased. Most are eight or more
 * characters, since shorter ones are refused by the length rule anyway. A guesser tries these
 * first, so an account behind one falls within the login limit's few attempts.
 *
 * A compact stand-in for a full list: @zxcvbn-ts/language-common ships the ~30,000 most common
 * ones (`dictionary.passwords`) and is the package to add when the list should grow.
 */
const LIST = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh
hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey
ranger daniel starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555
11111111 131313 freedom 777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer
love ashley nicole chelsea biteme matthew access yankees 987654321 dallas austin thunder taylor matrix
woaini1314 5201314 88888888 123456a a123456 password1 qwerty123 iloveyou1 admin admin123 welcome
welcome1 password123 password12 password! passw0rd p@ssw0rd p@ssword pa$$word 1q2w3e4r 1q2w3e4r5t
1q2w3e 1qaz2wsx3edc qwer1234 qwerty1 qwerty12 qwertyu qwertyui qwerty1234 asdfghjkl asdfasdf
asdf1234 zxcvbnm1 zaq12wsx q1w2e3r4 q1w2e3r4t5 abcd1234 abc12345 abcdefg abcdefgh abcdef123
12345qwert 123456789a a123456789 123456aa aa123456 aa12345678 abc123456 qq123456 123qweasd
qweasdzxc 1234qwer 11223344 12341234 12344321 123454321 1234554321 12121212 123123123 321321321
147258369 1314520 520520520 5211314 woaini123 woaini520 iloveyou123 1qazxsw2 100200300 147852369
123654789 987654321a 789456123 741852963 159357 159753456 00000000 99999999 66666666 12345678910
123456789q 11111111111 1111111111 0123456789 0987654321 222222 333333 444444 888888 999999 123abc
sunshine1 princess1 football1 baseball1 superman1 monkey123 dragon123 shadow123 master123 letmein1
welcome123 admin1234 administrator root123 test1234 testtest changeme changeme123 default secret
secret123 login123 guest123 iloveu trustno1! whatever starwars1 pokemon pikachu naruto minecraft
liverpool arsenal chelsea1 manchester barcelona juventus michael1 jordan23 basketball loveme lovely
flower butterfly cookie chocolate babygirl angel1 jesus1 blessed christ freedom1 mercedes ferrari
porsche corvette internet samsung iphone google linkedin facebook hello123 helloworld hellokitty
zhang123 wang123 li123456 asd123456 wodemima mima123 shanghai beijing
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
