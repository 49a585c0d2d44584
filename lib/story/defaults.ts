// The outline a workspace's first story starts from: prompts the heads replace with their own words.
import type { StoryContent } from "./schemas";

export const STORY_TEMPLATE: StoryContent = {
  brand: "Who we are, in one paragraph: the change we help customers make, and why we are the ones to help.",
  product: "What the product does, for whom, and the one result customers get from it that they cannot get elsewhere.",
  personas: [
    { name: "Economic buyer", messages: "The result in money and time.\nThe risk of doing nothing." },
    { name: "Day-to-day user", messages: "What gets easier on the first day.\nWhat they stop doing by hand." },
  ],
};
