-- Companies are updated by every lead that names them (the newest facts win). With room left on each page the
-- new row version stays on its page (a HOT update) and no index gets a new entry: without it, 83,500 of an
-- import's 95,000 company updates wrote into every company index, the name's trigram index among them.
ALTER TABLE "Company" SET (fillfactor = 70);
