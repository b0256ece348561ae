package press.dispatch.demo;

import java.util.List;

import press.dispatch.demo.DemoPhotos.Ground;
import press.dispatch.demo.DemoPhotos.Scene;
import press.dispatch.demo.DemoPhotos.Sky;
import press.dispatch.demo.DemoPhotos.Subject;

/** The demo site's words: written for Dispatch, fictional, and marked as demo on every page. */
final class DemoContent {

    static final String NAME = "Defence Talks";
    static final String TAGLINE = "Defense News Military Pictures";
    static final String DEMO_NOTE = "\n\n*This is a fictional demo article that ships with Dispatch. Places, people and figures are invented.*\n";

    record DemoSection(String name, String description) {
    }

    record DemoAuthor(String name, String bio) {
    }

    static final List<DemoSection> SECTIONS = List.of(
            new DemoSection("Land", "Ground forces, borders and the wars fought on them."),
            new DemoSection("Air", "Air forces, air defence, drones and the industry that builds them."),
            new DemoSection("Sea", "Navies, coast guards and the shipping lanes they watch."),
            new DemoSection("Policy", "Budgets, treaties, alliances and the people who sign them."));

    static final List<DemoAuthor> AUTHORS = List.of(
            new DemoAuthor("Mara Vell", "Mara Vell covers conflicts on land from the newsroom's regional desk. (Fictional demo author.)"),
            new DemoAuthor("Tomas Arkwright", "Tomas Arkwright reports on air power and the defence industry. (Fictional demo author.)"),
            new DemoAuthor("Ines Halloran", "Ines Halloran writes about navies and maritime security. (Fictional demo author.)"));

    /** The reference article: the full anatomy of the seed page. It is published last, so it leads the front page. */
    static final DemoStory REFERENCE = new DemoStory("Land", "Mara Vell",
            "Air strikes hit depots near the Varna ridge as border talks stall",
            "Officials on both sides confirm overnight strikes on supply sites in the disputed highlands, the heaviest since the spring ceasefire.",
            """
            Aircraft struck at least four supply depots along the Varna ridge overnight, according to six sources with knowledge of the operation, in the heaviest exchange along the disputed border since a ceasefire was agreed in April.

            Two officials and two diplomats briefed on the strikes said the targets were fuel and ammunition stores that had been moved closer to the line over the past month. Local authorities on the other side of the ridge reported 14 people killed and at least 31 wounded, figures that could not be independently confirmed.

            Smoke was still rising over the valley towns of Orlen and Kesh by mid-morning on Tuesday, residents said by telephone. One shopkeeper in Orlen, who asked not to be named for fear of reprisals, described "a night of engines and then the sound of the hills breaking."

            The defence ministry said in a short statement that its forces had acted against "positions used to prepare attacks" and that the strikes were "limited in scope and time." It did not say how many aircraft took part or what munitions were used.

            ## Talks in the capital falter

            The strikes came hours after negotiators left a third round of talks in the capital without agreeing on a new line of separation. A senior diplomat from a mediating country said the two delegations had been "within a few kilometres of a map" before the session broke up on Monday evening.

            > "Every night like this one moves the map further away. The people living under those hills need the talks more than either army does."

            Regional analysts said the coming week would show whether the ceasefire could survive. Three military attachés posted in the region told Defence Talks they expected more strikes unless both sides returned to the table by the end of the month, when the mountain passes close for winter.
            """,
            List.of("Varna ridge", "Air strikes", "Ceasefire"),
            new Scene(Sky.DUSK, Ground.HILLS, Subject.SMOKE, 11),
            "Smoke rises over the valley below the Varna ridge after overnight strikes on supply depots.",
            "Two columns of dark smoke rising over hills and low buildings at dusk",
            "Lena Draskovic", "Highland Press Agency", 2);

    static final List<DemoStory> STORIES = List.of(
            new DemoStory("Sea", "Ines Halloran", "Frigate escort mission extended through the northern straits",
                    "The coalition's escort task group will stay on station for another six months after a rise in incidents.",
                    """
                    The coalition escort mission in the northern straits will be extended by six months, naval officials said, after commercial shipping reported eleven close approaches by unidentified fast boats since August.

                    The task group, currently three frigates and a supply ship, escorted 212 merchant vessels in the last quarter. Its commander said the extension would allow a fourth ship to join in the new year.

                    ## What changes for shipping

                    Shipping companies will continue to book escorts through the coordination centre, which has added night slots for tankers.
                    """,
                    List.of("Escort mission", "Northern straits"), new Scene(Sky.DAY, Ground.SEA, Subject.WARSHIP, 21),
                    "A coalition frigate on patrol in the northern straits.", "Silhouette of a grey frigate on open sea under a blue sky",
                    "Piet Okafor", "Navy Media Unit", 5),
            new DemoStory("Air", "Tomas Arkwright", "Three-ship formation flies first joint patrol over the eastern flank",
                    "Pilots from three air forces shared tankers and radar pictures on a single sortie for the first time.",
                    """
                    Fighter aircraft from three air forces flew their first joint patrol over the eastern flank on Saturday, sharing tanker support and a common radar picture, according to a statement from the combined air operations centre.

                    The sortie lasted a little over four hours. Two officers involved in planning it said the main test was not the flying but the data links between aircraft built in different countries.

                    > "The jets have always been able to fly together. Now they can see the same sky," one of them said.
                    """,
                    List.of("Air policing", "Eastern flank"), new Scene(Sky.DAWN, Ground.MOUNTAINS, Subject.JETS, 31),
                    "Fighter jets in formation at first light over the eastern ranges.", "Three fighter jets in formation against a pale dawn sky",
                    "Arvid Sand", "Combined Air Operations Centre", 9),
            new DemoStory("Land", "Mara Vell", "Armoured column moves south ahead of winter exercises",
                    "Around 40 vehicles crossed the plains towards the southern training area, local officials said.",
                    """
                    An armoured column of around 40 vehicles moved south across the plains on Thursday towards the southern training area, where winter exercises are due to begin next week.

                    Local officials said roads would close for up to six hours at a time. The army said the exercise had been announced to neighbouring states in line with existing confidence-building agreements.
                    """,
                    List.of("Exercises"), new Scene(Sky.DAY, Ground.DESERT, Subject.CONVOY, 41),
                    "Armoured vehicles kick up dust on the road to the southern training area.", "A line of armoured vehicles driving across a dusty plain",
                    "Noor Haddad", "Plains Photo Collective", 20),
            new DemoStory("Air", "Tomas Arkwright", "New air defence battery goes live on the coast",
                    "The system's radar can track targets out to 300 kilometres, the manufacturer says.",
                    """
                    A new medium-range air defence battery has been declared operational on the western coast, the air force said, completing a programme started four years ago.

                    The battery pairs a rotating search radar with three launchers. Officials said its crews had trained for eighteen months and fired four test missiles at sea ranges during the summer.
                    """,
                    List.of("Air defence"), new Scene(Sky.OVERCAST, Ground.FIELDS, Subject.RADAR, 51),
                    "The search radar of the new coastal air defence battery.", "A large radar dish on a mast with launcher vehicles beside it",
                    "Kasia Brandt", "Air Force Imagery", 30),
            new DemoStory("Land", "Mara Vell", "Mountain rescue helicopters shift to military crews",
                    "Civil operators hand over two bases as the army takes on alpine rescue for three winters.",
                    """
                    Two alpine rescue bases will be run by army helicopter crews from December under a three-year arrangement announced by the interior and defence ministries.

                    The civil operator that ran the bases said it could not recruit enough winch operators. The army said its crews would keep the same call numbers and response times.
                    """,
                    List.of("Helicopters", "Rescue"), new Scene(Sky.DAY, Ground.MOUNTAINS, Subject.HELICOPTER, 61),
                    "An army helicopter on a training flight over the alpine bases.", "A helicopter silhouette flying over snowy mountain ridges",
                    "Jonas Ekberg", "Army Aviation", 44),
            new DemoStory("Sea", "Ines Halloran", "Submarine returns after 90 days under the ice edge",
                    "The boat's crew of 48 completed the navy's longest patrol in a decade.",
                    """
                    A diesel-electric submarine returned to port on Sunday after 90 days at sea near the ice edge, the navy's longest patrol in a decade.

                    The commanding officer said the crew of 48 had tested new batteries that let the boat stay submerged for longer between charges.
                    """,
                    List.of("Submarines"), new Scene(Sky.OVERCAST, Ground.SEA, Subject.SUBMARINE, 71),
                    "The submarine surfaces on its approach to port.", "A dark submarine with its fin above the surface of a grey sea",
                    "Piet Okafor", "Navy Media Unit", 60),
            new DemoStory("Air", "Tomas Arkwright", "Border guards trial long-endurance drones over farmland",
                    "Two unarmed aircraft will fly day and night along a 120-kilometre stretch of the frontier.",
                    """
                    The border guard has begun a six-month trial of two unarmed long-endurance drones over farmland along a 120-kilometre stretch of the frontier.

                    Farmers' groups asked for the flight paths to be published; the guard said it would publish weekly summaries instead.
                    """,
                    List.of("Drones", "Borders"), new Scene(Sky.DAY, Ground.FIELDS, Subject.DRONE, 81),
                    "A border guard drone during the first week of the trial.", "A long-winged drone flying over striped farm fields",
                    "Marta Lind", "Border Guard", 75),
            new DemoStory("Policy", "Mara Vell", "Ministers agree a joint satellite programme",
                    "Four governments will share the cost of six observation satellites from 2029.",
                    """
                    Defence ministers from four countries agreed on Wednesday to build and share six earth observation satellites, with the first launch planned for 2029.

                    Each country will task the satellites for a share of every orbit in proportion to its contribution. The programme's budget was not disclosed.
                    """,
                    List.of("Space", "Cooperation"), new Scene(Sky.NIGHT, Ground.HILLS, Subject.SATELLITE, 91),
                    "An artist's impression of one of the planned observation satellites.", "A satellite with solar panels above the curve of the earth",
                    "", "Demo illustration", 100),
            new DemoStory("Land", "Mara Vell", "Artillery units fire in new range limits after complaints",
                    "Live firing at the northern range will stop at 8 pm after residents complained about night drills.",
                    """
                    Artillery units at the northern range will stop live firing at 8 pm on weekdays and all day on Sundays, the army said, after residents of three nearby villages complained about night drills.

                    The commander of the range said training hours would be made up with simulators.
                    """,
                    List.of("Training"), new Scene(Sky.DUSK, Ground.HILLS, Subject.ARTILLERY, 101),
                    "A self-propelled gun at the northern range.", "A tracked artillery vehicle with its barrel raised at dusk",
                    "Noor Haddad", "Plains Photo Collective", 130),
            new DemoStory("Air", "Tomas Arkwright", "Cargo aircraft fleet cleared to fly again after inspections",
                    "All eight transports were grounded in October after a crack was found in one wing spar.",
                    """
                    The air force's eight heavy transport aircraft have been cleared to fly again after inspections found no further cracks, the air staff said on Monday.

                    The fleet was grounded in October when engineers found a crack in one wing spar during routine maintenance.
                    """,
                    List.of("Transport aircraft"), new Scene(Sky.DAY, Ground.RUNWAY, Subject.CARGO_PLANE, 111),
                    "A transport aircraft on the runway before its first flight since the grounding.", "A large four-engined cargo aircraft on a runway",
                    "Kasia Brandt", "Air Force Imagery", 160),
            new DemoStory("Policy", "Ines Halloran", "Summit ends with pledge on border monitoring",
                    "Delegations agreed to open a joint monitoring office by spring, but not on where the line should run.",
                    """
                    A two-day summit ended on Friday with a pledge to open a joint border monitoring office by spring, though delegations did not agree on where the line itself should run.

                    Diplomats said the office would have observers from both sides and from two neutral states.
                    """,
                    List.of("Diplomacy", "Ceasefire"), new Scene(Sky.NIGHT, Ground.HILLS, Subject.CONFERENCE, 121),
                    "Delegations at the closing session of the border summit.", "Silhouettes of delegates at a long table in front of a row of flags",
                    "Lena Draskovic", "Highland Press Agency", 190));

    private DemoContent() {
    }
}
