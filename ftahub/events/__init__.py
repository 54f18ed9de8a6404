"""Events of the province's trade and foreign-affairs work (fairs, forums, festivals, trainings on FTA rules): public
listing, online registration with capacity and waitlist, QR tickets and check-in, iCalendar, and B2B matchmaking."""
